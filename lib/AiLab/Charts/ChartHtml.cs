using System.Net;
using Newtonsoft.Json;
using Plotly.NET;

namespace AiLab.Charts;

/// <summary>The HTML around a chart: a standalone page (files) and a fragment (notebook output).</summary>
internal static class ChartHtml
{
    /// <summary>The chart as plotly.js reads it: <c>{"data": […], "layout": {…}, "config": {…}}</c>, safe inside a &lt;script&gt;.</summary>
    public static string FigureJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var data = JsonConvert.SerializeObject(GenericChart.getTraces(chart));
        var layout = JsonConvert.SerializeObject(GenericChart.getLayout(chart));
        var config = JsonConvert.SerializeObject(GenericChart.getConfig(chart));
        return PlotlyJs.ScriptSafe($$"""{"data":{{data}},"layout":{{layout}},"config":{{config}}}""");
    }

    /// <summary>
    /// A complete page showing one chart. <paramref name="plotlyScriptUrl"/> null inlines plotly.js (a self-contained
    /// file); otherwise the page loads it from that relative address.
    /// </summary>
    public static string Page(GenericChart chart, string? plotlyScriptUrl)
    {
        var layout = GenericChart.getLayout(chart);
        var title = WebUtility.HtmlEncode(TitleText(layout) ?? "Chart");
        var (width, height) = (Pixels(layout, "width"), Pixels(layout, "height"));
        var size = $"width:{(width is null ? "100%" : width + "px")};height:{(height is null ? "100vh" : height + "px")}";
        var library = plotlyScriptUrl is null
            ? $"<script>{PlotlyJs.InlineSource}</script>"
            : $"<script src=\"{WebUtility.HtmlEncode(plotlyScriptUrl)}\"></script>";
        var missing = System.Text.Json.JsonSerializer.Serialize($"plotly.js did not load from {plotlyScriptUrl ?? "this page"}; save the chart again.");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>html, body { margin: 0; padding: 0; background: #ffffff; } #chart { {{size}}; }</style>
            {{library}}
            </head>
            <body>
            <div id="chart"></div>
            <script>
            (function () {
              var figure = {{FigureJson(chart)}};
              var element = document.getElementById("chart");
              if (typeof Plotly === "undefined") { element.textContent = {{missing}}; return; }
              Plotly.newPlot(element, figure.data, figure.layout, figure.config);
            })();
            </script>
            </body>
            </html>

            """;
    }

    /// <summary>
    /// Notebook output: a uniquely named <c>&lt;div&gt;</c> and a <c>&lt;script&gt;</c> that draws into it with
    /// <c>window.Plotly</c> when the page has it. When <paramref name="carryLibrary"/>, the output carries plotly.js
    /// itself (inlined, offline) and defines <c>window.Plotly</c> for later outputs; otherwise the script waits up to
    /// 30 s for an earlier output (or the page) to define it.
    /// </summary>
    public static string Fragment(GenericChart chart, bool carryLibrary)
    {
        var id = "ailab-chart-" + Guid.NewGuid().ToString("N");
        var layout = GenericChart.getLayout(chart);
        var height = Pixels(layout, "height") ?? 500;
        var width = Pixels(layout, "width") is { } w ? w + "px" : "100%";
        // Only when the page lacks plotly.js (a page that loaded it keeps its own copy); AMD's define is hidden so the
        // bundle sets window.Plotly even where require.js is loaded (classic Jupyter).
        var library = carryLibrary
            ? "<script type=\"text/javascript\">if (typeof window.Plotly === \"undefined\") { var ailabDefine = window.define; window.define = undefined;\n" +
              PlotlyJs.InlineSource + "\nwindow.define = ailabDefine; }</script>\n"
            : "";
        return $$"""
            <div id="{{id}}" class="ailab-chart" style="width:{{width}};height:{{height}}px;"></div>
            {{library}}<script type="text/javascript">
            (function () {
              var id = "{{id}}";
              var figure = {{FigureJson(chart)}};
              var tries = 0;
              (function draw() {
                var element = document.getElementById(id);
                if (!element) return;
                if (window.Plotly) { window.Plotly.newPlot(element, figure.data, figure.layout, figure.config); return; }
                if (++tries < 300) { setTimeout(draw, 100); return; }
                element.style.height = "auto";
                element.textContent = "plotly.js is not loaded in this page: run AiLab.Charts.ChartDisplay.ResendPlotlyJs() and re-run this cell.";
              })();
            })();
            </script>
            """;
    }

    private static string? TitleText(Layout layout) =>
        layout.TryGetTypedPropertyValue<Title>("title") is { } title && title.Value.TryGetTypedPropertyValue<string>("text") is { } text ? text.Value : null;

    private static int? Pixels(Layout layout, string key)
    {
        var value = layout.TryGetPropertyValue(key);
        if (value is null) return null;
        return value.Value switch
        {
            int i => i,
            double d => (int)Math.Round(d, MidpointRounding.AwayFromZero),
            _ => null,
        };
    }
}

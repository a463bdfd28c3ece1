using System.Net;
using System.Text.Json;

namespace AiLab.Charts;

/// <summary>The HTML around a figure: a standalone page (files) and a fragment (notebook output).</summary>
internal static class ChartHtml
{
    /// <summary>
    /// A complete page showing one figure. <paramref name="plotlyScriptUrl"/> null inlines plotly.js (a
    /// self-contained file); otherwise the page loads it from that (relative) address.
    /// </summary>
    public static string Page(Figure figure, string? plotlyScriptUrl)
    {
        var title = WebUtility.HtmlEncode(figure.Title ?? "Chart");
        var (width, height) = (Pixels(figure, "width"), Pixels(figure, "height"));
        var size = $"width:{(width is null ? "100%" : width + "px")};height:{(height is null ? "100vh" : height + "px")}";
        var library = plotlyScriptUrl is null
            ? $"<script>{PlotlyJsLibrary.InlineSource}</script>"
            : $"<script src=\"{WebUtility.HtmlEncode(plotlyScriptUrl)}\"></script>";
        var missing = JsonSerializer.Serialize($"plotly.js did not load from {plotlyScriptUrl ?? "this page"}; run make setup (npm ci) and save the chart again.");
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
              var figure = {{figure.ToJson()}};
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
    /// Notebook output: a uniquely named element and a script that draws into it with <c>window.Plotly</c> when the
    /// page has it, else loads plotly.js from <paramref name="source"/> (through require.js in its own context when the
    /// page uses require.js, else with an injected &lt;script&gt;). For <see cref="PlotlyJsSource.Inline"/> the first
    /// output carries the library; later ones wait briefly for it.
    /// </summary>
    public static string Fragment(Figure figure, PlotlyJsSource source, bool carryLibrary)
    {
        var id = "ailab-chart-" + Guid.NewGuid().ToString("N");
        var height = Pixels(figure, "height") ?? Theme.DefaultHeight;
        var width = Pixels(figure, "width") is { } w ? w + "px" : "100%";
        var library = carryLibrary ? $"<script type=\"text/javascript\">{PlotlyJsLibrary.InlineSource}</script>\n" : "";
        var url = JsonSerializer.Serialize(source.Url);
        return $$"""
            <div id="{{id}}" class="ailab-chart" style="width:{{width}};height:{{height}}px;"></div>
            {{library}}<script type="text/javascript">
            (function () {
              var id = "{{id}}";
              var figure = {{figure.ToJson()}};
              var src = {{url}};
              function draw(Plotly) {
                var element = document.getElementById(id);
                if (element) Plotly.newPlot(element, figure.data, figure.layout, figure.config);
              }
              function fail(message) {
                var element = document.getElementById(id);
                if (element) { element.style.height = "auto"; element.textContent = message; }
              }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (!src) {
                // Offline: an earlier output carries plotly.js; give it a moment to run.
                var tries = 0;
                (function wait() {
                  if (window.Plotly) draw(window.Plotly);
                  else if (++tries < 100) setTimeout(wait, 100);
                  else fail("plotly.js is not loaded in this page: run ChartDisplay.UseOffline() again, then re-run this cell.");
                })();
                return;
              }
              var failure = "Could not load plotly.js from " + src + " (no network? call ChartDisplay.UseOffline()).";
              if (typeof window.requirejs === "function" && typeof window.requirejs.config === "function") {
                var load = window.requirejs.config({ context: "ailab-plotly", paths: { plotly: src.replace(/\.js$/, "") } });
                load(["plotly"], function (loaded) { draw(window.Plotly || loaded); }, function () { fail(failure); });
                return;
              }
              var waiting = window.__ailabPlotlyWaiting;
              if (waiting) { waiting.push({ draw: draw, fail: fail }); return; }
              waiting = window.__ailabPlotlyWaiting = [{ draw: draw, fail: fail }];
              var script = document.createElement("script");
              script.src = src;
              script.onload = function () {
                window.__ailabPlotlyWaiting = null;
                waiting.forEach(function (w) { w.draw(window.Plotly); });
              };
              script.onerror = function () {
                window.__ailabPlotlyWaiting = null;
                waiting.forEach(function (w) { w.fail(failure); });
              };
              document.head.appendChild(script);
            })();
            </script>
            """;
    }

    private static int? Pixels(Figure figure, string key) =>
        PlotlyJson.AsDouble(figure.LayoutJson[key]) is { } pixels ? (int)Math.Round(pixels, MidpointRounding.AwayFromZero) : null;
}

using System.Globalization;
using System.Net;
using System.Text;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using Markdig;

namespace AiLab.Notebooks.Output;

/// <summary>
/// The static HTML page of an executed notebook: markdown rendered, code highlighted, outputs inline (HTML outputs
/// as they are, so charts stay interactive; one shared plotly.js from the output folder serves every chart offline).
/// </summary>
internal static class NotebookPageWriter
{
    /// <summary>The Markdig pipeline for markdown cells and markdown outputs (tables, task lists, math spans, …).</summary>
    public static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page for <paramref name="result"/>; <paramref name="plotlyPath"/> is plotly.js relative to the page, or null.</summary>
    public static string Write(NotebookRunResult result, string? plotlyPath)
    {
        var html = new StringBuilder();
        var title = WebUtility.HtmlEncode(result.Target.Stem);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append(" · AiLab</title>\n");
        if (plotlyPath is not null)
        {
            html.Append("<script src=\"").Append(WebUtility.HtmlEncode(plotlyPath)).Append("\"></script>\n")
                .Append("<script>").Append(PlotlyOffline.RequireShim).Append("</script>\n");
        }
        html.Append("<style>").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n");
        AppendHeader(html, result, title);
        html.Append("<main>\n");
        var executions = result.Executions.ToDictionary(e => e.Cell);
        foreach (var cell in result.Document?.Cells ?? [])
        {
            AppendCell(html, cell, executions.GetValueOrDefault(cell.Number));
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, NotebookRunResult result, string title)
    {
        var status = result.Status.ToString().ToLowerInvariant();
        html.Append("<header>\n<a href=\"../index.html\">← all notebooks</a>\n<h1>").Append(title).Append("</h1>\n")
            .Append("<span class=\"status ").Append(status).Append("\">").Append(status).Append("</span> ")
            .Append("<span class=\"summary\">").Append(WebUtility.HtmlEncode(result.Target.DisplayPath)).Append(" · ")
            .Append(result.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s · ")
            .Append(result.CellCount.ToString(CultureInfo.InvariantCulture)).Append(" cells</span>\n");
        if (result.Error is { } error)
        {
            html.Append("<div class=\"failure\">")
                .Append(error.Cell > 0 ? $"<a href=\"#cell-{error.Cell}\">cell {error.Cell}</a>, " : "")
                .Append("line ").Append(error.Line.ToString(CultureInfo.InvariantCulture))
                .Append("<pre class=\"error-text\">").Append(WebUtility.HtmlEncode(error.Message)).Append("</pre></div>\n");
        }
        html.Append("</header>\n");
    }

    private static void AppendCell(StringBuilder html, NotebookCell cell, CellExecution? execution)
    {
        if (cell.IsMarkdown)
        {
            html.Append("<section class=\"cell markdown\" id=\"cell-").Append(cell.Number).Append("\">\n")
                .Append(Markdig.Markdown.ToHtml(cell.Content, Markdown)).Append("</section>\n");
            return;
        }
        html.Append("<section class=\"cell code\" id=\"cell-").Append(cell.Number).Append("\">\n<div class=\"source\"><pre><code>")
            .Append(cell.IsCSharp ? CSharpHighlighter.Highlight(cell.Content) : WebUtility.HtmlEncode(cell.Content))
            .Append("</code></pre><div class=\"meta\">")
            .Append(execution is null ? "" : $"[{execution.ExecutionCount}] ")
            .Append("line ").Append(cell.StartLine.ToString(CultureInfo.InvariantCulture))
            .Append(execution is null ? "" : $" · {execution.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s")
            .Append("</div></div>\n");
        if (execution is null)
        {
            html.Append("<div class=\"not-run\">not run</div>\n");
        }
        else if (execution.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in execution.Outputs)
            {
                AppendOutput(html, output);
            }
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    private static void AppendOutput(StringBuilder html, CellOutput output)
    {
        switch (output.Kind)
        {
            case OutputKind.Stream:
                html.Append("<pre class=\"").Append(output.Stream == "stderr" ? "stderr" : "stdout").Append("\">")
                    .Append(WebUtility.HtmlEncode(output.Text ?? "")).Append("</pre>\n");
                break;
            case OutputKind.Error:
                html.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(string.Join('\n', output.Traceback ?? [output.ErrorValue ?? ""])))
                    .Append("</pre>\n");
                break;
            default:
                html.Append("<div class=\"output\">").Append(PlotlyOffline.Rewrite(RenderData(output.Data ?? []))).Append("</div>\n");
                break;
        }
    }

    /// <summary>The richest representation a browser shows: HTML, then PNG, then markdown, then text.</summary>
    public static string RenderData(IReadOnlyDictionary<string, string> data)
    {
        if (data.TryGetValue(MimeTypes.Html, out var markup))
        {
            return markup;
        }
        if (data.TryGetValue(MimeTypes.Png, out var png))
        {
            return $"<img alt=\"output\" src=\"data:image/png;base64,{png}\">";
        }
        if (data.TryGetValue(MimeTypes.Markdown, out var markdown))
        {
            return Markdig.Markdown.ToHtml(markdown, Markdown);
        }
        var text = data.TryGetValue(MimeTypes.PlainText, out var plain) ? plain : data.Count > 0 ? $"[{string.Join(", ", data.Keys)}]" : "";
        return $"<pre>{WebUtility.HtmlEncode(text)}</pre>";
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using AiLab.Notebooks.Running;

namespace AiLab.Notebooks.Output;

/// <summary><c>index.html</c>: every notebook of a run with its status, time, failure and charts (thumbnails when PNGs exist).</summary>
internal static class IndexPageWriter
{
    /// <summary>The index page; links are relative to the output folder.</summary>
    public static string Write(RunSummary summary, IReadOnlyList<NotebookRunResult> results)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>AiLab notebooks</title>\n")
            .Append("<style>").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n<h1>AiLab notebooks</h1>\n")
            .Append("<span class=\"summary\">")
            .Append(summary.Passed.ToString(CultureInfo.InvariantCulture)).Append(" passed · ")
            .Append(summary.Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed · ")
            .Append(summary.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s · device ")
            .Append(WebUtility.HtmlEncode(summary.Device)).Append(" · <a href=\"run-summary.json\">run-summary.json</a></span>\n</header>\n")
            .Append("<table>\n<thead><tr><th>Notebook</th><th>Status</th><th>Seconds</th><th>Cells</th><th>Charts</th></tr></thead>\n<tbody>\n");
        foreach (var result in results)
        {
            AppendRow(html, result);
        }
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendRow(StringBuilder html, NotebookRunResult result)
    {
        var stem = WebUtility.HtmlEncode(result.Target.Stem);
        var status = result.Status.ToString().ToLowerInvariant();
        html.Append("<tr><td><a href=\"notebooks/").Append(Uri.EscapeDataString(result.Target.Stem)).Append(".html\">").Append(stem).Append("</a>");
        if (result.Error is { } error)
        {
            html.Append("<div class=\"error-text\">").Append(error.Cell > 0 ? $"cell {error.Cell}, " : "").Append("line ").Append(error.Line)
                .Append(": ").Append(WebUtility.HtmlEncode(error.Message.Split('\n')[0])).Append("</div>");
        }
        html.Append("</td><td><span class=\"status ").Append(status).Append("\">").Append(status).Append("</span></td>")
            .Append("<td class=\"number\">").Append(result.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td>")
            .Append("<td class=\"number\">").Append(result.CellCount.ToString(CultureInfo.InvariantCulture)).Append("</td><td><div class=\"charts\">");
        AppendCharts(html, result.Charts);
        html.Append("</div></td></tr>\n");
    }

    // A chart saved as both name.html and name.png shows as a thumbnail linking to the interactive version.
    private static void AppendCharts(StringBuilder html, IReadOnlyList<string> charts)
    {
        foreach (var group in charts.GroupBy(c => Path.ChangeExtension(c, null)))
        {
            var page = group.FirstOrDefault(c => c.EndsWith(".html", StringComparison.OrdinalIgnoreCase));
            var image = group.FirstOrDefault(c => c.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
            var name = WebUtility.HtmlEncode(Path.GetFileName(group.Key));
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(page ?? image ?? group.First())).Append("\" title=\"").Append(name).Append("\">");
            html.Append(image is null ? name : $"<img alt=\"{name}\" src=\"{WebUtility.HtmlEncode(image)}\">");
            html.Append("</a>");
        }
    }
}

using System.Net;
using System.Text;

namespace AiLab.Data;

public sealed partial class Table
{
    /// <summary>Rows shown by <see cref="ToDisplayBundle"/> and <see cref="ToString"/>.</summary>
    public const int DisplayRows = 10;

    /// <summary>
    /// The notebook display of the table: <c>text/html</c> and <c>text/plain</c> renderings of the first
    /// <see cref="DisplayRows"/> rows and the table's size. The notebook runner shows whichever it supports.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToDisplayBundle() => new Dictionary<string, string>
    {
        ["text/html"] = ToHtml(),
        ["text/plain"] = ToText(),
    };

    /// <summary>An HTML table of the first <paramref name="maxRows"/> rows, with column types and the table's size.</summary>
    public string ToHtml(int maxRows = DisplayRows)
    {
        int shown = Math.Min(Math.Max(maxRows, 0), RowCount);
        var html = new StringBuilder("<div class=\"ailab-table\"><table>\n<thead><tr><th></th>");
        foreach (var column in columns)
            html.Append($"<th>{Encode(column.Name)}<br/><small>{column.Kind.ToString().ToLowerInvariant()}</small></th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < shown; row++)
        {
            html.Append($"<tr><th>{row}</th>");
            foreach (var column in columns)
            {
                string cell = Encode(column.Format(row));
                html.Append(column.IsMissing(row) ? $"<td><i>{cell}</i></td>" : $"<td>{cell}</td>");
            }
            html.Append("</tr>\n");
        }
        if (shown < RowCount)
            html.Append($"<tr><td colspan=\"{columns.Length + 1}\">…</td></tr>\n");
        html.Append($"</tbody></table>\n<p>{Size}</p></div>");
        return html.ToString();
    }

    /// <summary>An aligned plain-text table of the first <paramref name="maxRows"/> rows and the table's size.</summary>
    public string ToText(int maxRows = DisplayRows)
    {
        int shown = Math.Min(Math.Max(maxRows, 0), RowCount);
        var cells = new string[shown + 1][];
        cells[0] = ["", .. columns.Select(column => column.Name)];
        for (int row = 0; row < shown; row++)
            cells[row + 1] = [row.ToString(System.Globalization.CultureInfo.InvariantCulture), .. columns.Select(column => column.Format(row))];
        int[] widths = [.. Enumerable.Range(0, columns.Length + 1).Select(j => cells.Max(line => line[j].Length))];
        var text = new StringBuilder();
        foreach (var line in cells)
            text.AppendLine(string.Join("  ", line.Select((cell, j) => cell.PadLeft(widths[j]))).TrimEnd());
        if (shown < RowCount)
            text.AppendLine("…");
        text.Append(Size);
        return text.ToString();
    }

    /// <summary>The plain-text rendering of the first <see cref="DisplayRows"/> rows (see <see cref="ToText"/>).</summary>
    public override string ToString() => ToText();

    private string Size => $"{RowCount} rows × {ColumnCount} columns";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

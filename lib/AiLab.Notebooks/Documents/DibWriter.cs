using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// Writes .dib text in the form VS Code saves: <c>#!meta</c>, a blank line, the metadata JSON on one line, a blank
/// line; then per cell its <c>#!kernel</c> line, a blank line, the content and a blank line; LF line ends and a
/// single trailing newline. Parsing a file in that form and writing it back gives the same bytes.
/// </summary>
internal static class DibWriter
{
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a parsed document back (cells keep their kernels; selectors are written canonically).</summary>
    public static string Write(NotebookDocument document) =>
        Write(document.Metadata?.Json, document.Cells.Select(c => (c.Kernel, c.Content)), document.Kernels);

    /// <summary>Writes cells (kernel name, content) with an optional <c>#!meta</c> JSON block.</summary>
    /// <exception cref="ArgumentException">
    /// A kernel is unknown, or a content line would be read back as a cell selector or as the <c>#!meta</c> block
    /// (the cell would split when the file is reopened).
    /// </exception>
    public static string Write(string? metadataJson, IEnumerable<(string Kernel, string Content)> cells, KernelNames kernels)
    {
        var lines = new List<string>();
        if (metadataJson is not null)
        {
            lines.Add(DibSyntax.MetaPrefix);
            lines.Add("");
            lines.Add(OneLine(metadataJson));
            lines.Add("");
        }

        var number = 0;
        foreach (var (kernel, content) in cells)
        {
            number++;
            if (!kernels.TryResolve(kernel, out var canonical) || canonical != kernel)
            {
                throw new ArgumentException($"cell {number}: '{kernel}' is not a known kernel name", nameof(cells));
            }
            var contentLines = DibSyntax.SplitLines(content).ToList();
            while (contentLines.Count > 0 && contentLines[0].Length == 0)
            {
                contentLines.RemoveAt(0);
            }
            while (contentLines.Count > 0 && contentLines[^1].Length == 0)
            {
                contentLines.RemoveAt(contentLines.Count - 1);
            }
            if (contentLines.Count == 0)
            {
                continue;
            }
            for (var i = 0; i < contentLines.Count; i++)
            {
                var reason = SplitReason(contentLines[i], kernels, hasMetadata: metadataJson is not null);
                if (reason is not null)
                {
                    throw new ArgumentException($"cell {number}, content line {i + 1}: '{contentLines[i]}' {reason}", nameof(cells));
                }
            }
            lines.Add(DibSyntax.DirectivePrefix + kernel);
            lines.Add("");
            lines.AddRange(contentLines);
            lines.Add("");
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Why a content line cannot be written inside a cell: null when it is safe, otherwise the reason it would be
    /// read back differently (as a selector starting a new cell, or as the metadata block).
    /// </summary>
    public static string? SplitReason(string line, KernelNames kernels, bool hasMetadata)
    {
        if (kernels.IsSelectorLine(line))
        {
            return "would be read back as a cell selector and split the cell";
        }
        if (!hasMetadata && line.StartsWith(DibSyntax.MetaPrefix, StringComparison.Ordinal))
        {
            return "would be read back as the #!meta block";
        }
        return null;
    }

    private static string OneLine(string json) =>
        json.Contains('\n') ? JsonNode.Parse(json)!.ToJsonString(CompactJson) : json;
}

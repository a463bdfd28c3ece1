using Microsoft.DotNet.Interactive.Documents;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// Finds where each parsed cell of a .dib file sits in the file. The .dib parser keeps a cell's lines verbatim and
/// only trims blank lines around them, so each cell is the next run of file lines equal to its lines.
/// </summary>
internal static class DibLineLocator
{
    /// <summary>For each element, the 1-based file line of each of its lines (empty when not found).</summary>
    public static IReadOnlyList<int[]> Locate(string text, IEnumerable<InteractiveDocumentElement> elements)
    {
        var fileLines = SplitLines(text);
        var cursor = 0;
        var result = new List<int[]>();
        foreach (var element in elements)
        {
            var lines = SplitLines(element.Contents);
            var start = Find(fileLines, lines, cursor);
            if (start < 0)
            {
                result.Add([]);
                continue;
            }
            result.Add([.. Enumerable.Range(start + 1, lines.Length)]);
            cursor = start + lines.Length;
        }
        return result;
    }

    /// <summary>The 1-based line of the <c>#!meta</c> selector, or 0 when there is none.</summary>
    public static int MetadataLine(string text)
    {
        var lines = SplitLines(text);
        var index = Array.FindIndex(lines, l => l.StartsWith("#!meta", StringComparison.Ordinal));
        return index + 1;
    }

    /// <summary>Splits on LF, dropping a CR before it, as the parser does.</summary>
    public static string[] SplitLines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static int Find(string[] fileLines, string[] lines, int from)
    {
        for (var start = from; start + lines.Length <= fileLines.Length; start++)
        {
            var match = true;
            for (var i = 0; i < lines.Length && match; i++)
            {
                match = fileLines[start + i] == lines[i];
            }
            if (match)
            {
                return start;
            }
        }
        return -1;
    }
}

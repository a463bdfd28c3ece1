using System.Text;

namespace AiLab.Notebooks.Documents;

/// <summary>Checks a notebook without running it: what would not run headlessly, and what would not survive VS Code.</summary>
internal static class NotebookValidator
{
    /// <summary>
    /// Cells the runner cannot execute: other kernels than C# and markdown, and unsupported or unknown directives in
    /// C# cells. The runner refuses a notebook with any of these before running a cell.
    /// </summary>
    public static IEnumerable<NotebookProblem> FindUnsupported(NotebookDocument document)
    {
        foreach (var cell in document.Cells)
        {
            if (!cell.IsCSharp && !cell.IsMarkdown)
            {
                yield return new NotebookProblem(true, cell.Number, cell.StartLine,
                    $"'{cell.Kernel}' cells are not supported: the headless runner executes C# cells and renders markdown cells");
                continue;
            }
            if (!cell.IsCSharp)
            {
                continue;
            }
            foreach (var directive in CellDirectives.Scan(cell, document.Kernels).Where(d => !d.IsSupported))
            {
                yield return new NotebookProblem(true, cell.Number, directive.Line, directive.Reason!);
            }
        }
    }

    /// <summary>Every problem <c>ailab check</c> reports for a parsed notebook, in line order.</summary>
    /// <param name="document">The parsed notebook.</param>
    /// <param name="fileText">The file's text, to compare with what VS Code would write.</param>
    public static IReadOnlyList<NotebookProblem> Check(NotebookDocument document, string fileText)
    {
        var problems = new List<NotebookProblem>(FindUnsupported(document));
        var metadata = document.Metadata;
        if (metadata is null)
        {
            problems.Add(new NotebookProblem(true, null, 1,
                "no #!meta block: VS Code adds one on save; start the file with #!meta and the kernelInfo JSON"));
        }
        else
        {
            if (metadata.ReachesEndOfFile)
            {
                problems.Add(new NotebookProblem(true, null, metadata.Line,
                    "no #! line closes the #!meta block, so Polyglot Notebooks also reads its last line as a cell"));
            }
            if (metadata.Line != 1)
            {
                problems.Add(new NotebookProblem(false, null, metadata.Line, "the #!meta block is not at the top of the file, where VS Code writes it"));
            }
        }

        foreach (var cell in document.Cells)
        {
            problems.AddRange(FindSplitLines(document, cell));
        }
        problems.AddRange(FindSplitMarkdownFences(document));

        if (!document.Cells.Any(c => c.IsCSharp && c.Content.Length > 0))
        {
            problems.Add(new NotebookProblem(false, null, 1, "the notebook has no C# code"));
        }
        if (problems.Count == 0 && DibWriter.Write(document) != StripByteOrderMark(fileText))
        {
            problems.Add(new NotebookProblem(false, null, 1,
                "the file is not in the form VS Code writes (blank line after each selector, LF line ends, one trailing newline); VS Code will reformat it on save"));
        }
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Cell).ToList();
    }

    // A line that is a selector except for surrounding whitespace is harmless today, but an editor that trims
    // trailing whitespace turns it into a selector and the cell splits when the file is reopened.
    private static IEnumerable<NotebookProblem> FindSplitLines(NotebookDocument document, NotebookCell cell)
    {
        if (cell.IsCSharp)
        {
            yield break; // C# cells report these lines as unknown directives already.
        }
        var lines = cell.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != lines[i].Trim() && document.Kernels.IsSelectorLine(lines[i].Trim()))
            {
                yield return new NotebookProblem(true, cell.Number, cell.StartLine + i,
                    $"'{lines[i]}' would split the cell if an editor trims its whitespace");
            }
        }
    }

    // A markdown cell that ends inside a ``` fence was almost certainly cut by an example selector line
    // (`#!csharp` inside a code block starts a new cell); the text after it silently became another cell.
    private static IEnumerable<NotebookProblem> FindSplitMarkdownFences(NotebookDocument document)
    {
        for (var i = 0; i < document.Cells.Count - 1; i++)
        {
            var cell = document.Cells[i];
            if (cell.IsMarkdown && EndsInsideFence(cell.Lines))
            {
                var next = document.Cells[i + 1];
                yield return new NotebookProblem(true, cell.Number, next.StartLine,
                    $"markdown cell {cell.Number} ends inside a ``` code block: a #!{next.Kernel} line in that block started a new cell; " +
                    "indent it or write it differently");
            }
        }
    }

    private static bool EndsInsideFence(string[] lines)
    {
        string? fence = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            var marker = trimmed.StartsWith("```", StringComparison.Ordinal) ? "```" : trimmed.StartsWith("~~~", StringComparison.Ordinal) ? "~~~" : null;
            if (marker is null)
            {
                continue;
            }
            if (fence is null)
            {
                fence = marker;
            }
            else if (marker == fence && trimmed.Trim().All(c => c == marker[0]))
            {
                fence = null;
            }
        }
        return fence is not null;
    }

    private static string StripByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    /// <summary>Reads a file's text as the parser does (UTF-8).</summary>
    public static string ReadText(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));
}

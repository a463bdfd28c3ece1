using Microsoft.DotNet.Interactive.Documents;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// What <c>ailab check</c> finds without running a notebook: cells of kernels the official kernel does not have, a
/// missing or unclosed <c>#!meta</c>, lines that would split a cell when the file is saved and reopened, and NuGet
/// references whose version differs from <c>Directory.Packages.props</c>. (Malformed <c>#!meta</c> JSON is a
/// <see cref="NotebookFormatException"/> from the reader.)
/// </summary>
internal static class NotebookValidator
{
    /// <summary>Every problem of <paramref name="document"/> (read from <paramref name="fileText"/>), in line order.</summary>
    public static IReadOnlyList<NotebookProblem> Check(NotebookDocument document, string fileText, PackagePins? pins)
    {
        var problems = new List<NotebookProblem>();
        if (!document.IsJupyter)
        {
            CheckMetadata(document, fileText, problems);
        }
        var selectors = Selectors(document);
        foreach (var cell in document.Cells)
        {
            CheckKernel(cell, problems);
            CheckSplitLines(document, cell, selectors, problems);
            if (cell.IsCode && pins is not null)
            {
                CheckPackageVersions(cell, pins, problems);
            }
        }
        CheckSplitMarkdownFences(document, problems);
        return [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Cell)];
    }

    private static void CheckMetadata(NotebookDocument document, string fileText, List<NotebookProblem> problems)
    {
        if (document.MetadataLine is not { } line)
        {
            problems.Add(new NotebookProblem(true, null, 1, "no #!meta block: VS Code adds one on save; start the file with #!meta and the kernelInfo JSON"));
            return;
        }
        var lines = DibLineLocator.SplitLines(fileText);
        if (!lines.Skip(line).Any(l => l.StartsWith("#!", StringComparison.Ordinal)))
        {
            problems.Add(new NotebookProblem(true, null, line, "no #! line closes the #!meta block, so Polyglot Notebooks also reads the cells after it as metadata"));
        }
        if (line != 1)
        {
            problems.Add(new NotebookProblem(false, null, line, "the #!meta block is not at the top of the file, where VS Code writes it"));
        }
    }

    private static void CheckKernel(NotebookCell cell, List<NotebookProblem> problems)
    {
        if (cell.IsMarkdown || KnownKernels.Executable.Contains(cell.Kernel))
        {
            return;
        }
        problems.Add(cell.Kernel == "javascript"
            ? new NotebookProblem(false, cell.Number, cell.StartLine, "javascript cells run in VS Code's renderer, not in the kernel: the headless runner fails them")
            : new NotebookProblem(true, cell.Number, cell.StartLine,
                $"unknown kernel '{cell.Kernel}': the official kernel has {string.Join(", ", KnownKernels.Executable)} (and markdown cells)"));
    }

    // In a .dib, a line that is a selector once an editor trims its whitespace splits the cell on the next load; in a
    // .ipynb, a selector line inside a cell would split it when saved as .dib (a first line naming the cell's own
    // kernel is how .ipynb cells select it, and stays).
    private static void CheckSplitLines(NotebookDocument document, NotebookCell cell, HashSet<string> selectors, List<NotebookProblem> problems)
    {
        var lines = cell.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (!selectors.Contains(trimmed) || (document.IsJupyter && i == 0))
            {
                continue;
            }
            if (document.IsJupyter || lines[i] != trimmed)
            {
                problems.Add(new NotebookProblem(true, cell.Number, cell.FileLine(i),
                    document.IsJupyter
                        ? $"'{trimmed}' would start a new cell when the notebook is saved as .dib"
                        : $"'{lines[i]}' would split the cell if an editor trims its whitespace"));
            }
        }
    }

    private static void CheckPackageVersions(NotebookCell cell, PackagePins pins, List<NotebookProblem> problems)
    {
        foreach (var reference in CellDirective.Scan(cell).Where(d => d.Kind == DirectiveKind.NuGet))
        {
            var pinned = pins.VersionOf(reference.Package!);
            if (pinned is null)
            {
                continue;
            }
            if (reference.Version is null)
            {
                problems.Add(new NotebookProblem(true, cell.Number, cell.FileLine(reference.CellLine),
                    $"#r \"nuget: {reference.Package}\" names no version; {Path.GetFileName(pins.File)} pins {pinned}: write \"nuget: {reference.Package}, {pinned}\""));
            }
            else if (!string.Equals(reference.Version, pinned, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new NotebookProblem(true, cell.Number, cell.FileLine(reference.CellLine),
                    $"{reference.Package} {reference.Version} differs from the version {Path.GetFileName(pins.File)} pins ({pinned})"));
            }
        }
    }

    // A markdown cell that ends inside a ``` fence was almost certainly cut by an example selector line (`#!csharp`
    // inside a code block starts a new cell); the text after it silently became another cell.
    private static void CheckSplitMarkdownFences(NotebookDocument document, List<NotebookProblem> problems)
    {
        for (var i = 0; i < document.Cells.Count - 1; i++)
        {
            var cell = document.Cells[i];
            if (cell.IsMarkdown && EndsInsideFence(cell.Lines))
            {
                var next = document.Cells[i + 1];
                problems.Add(new NotebookProblem(true, cell.Number, next.StartLine,
                    $"markdown cell {cell.Number} ends inside a ``` code block: a #!{next.Kernel} line in that block started a new cell; indent it or write it differently"));
            }
        }
    }

    private static bool EndsInsideFence(string[] lines)
    {
        string? fence = null;
        foreach (var trimmed in lines.Select(l => l.TrimStart()))
        {
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

    // Every "#!name" and "#!alias" that starts a cell: the known kernels and those the notebook declares.
    private static HashSet<string> Selectors(NotebookDocument document)
    {
        var kernels = KnownKernels.Create();
        var declared = document.Source.GetKernelInfo() ?? [];
        return kernels.Concat(declared)
            .SelectMany(k => k.Aliases.Prepend(k.Name))
            .Select(name => "#!" + name)
            .ToHashSet(StringComparer.Ordinal);
    }
}

namespace AiLab.Notebooks.Documents;

/// <summary>One cell of a notebook, with where its lines are in the notebook file.</summary>
internal sealed class NotebookCell
{
    private readonly int[] _fileLines;

    /// <summary>Creates a cell; <paramref name="fileLines"/> holds the 1-based file line of each of its lines.</summary>
    public NotebookCell(int number, string kernel, string content, IReadOnlyList<int> fileLines)
    {
        Number = number;
        Kernel = kernel;
        Content = content;
        _fileLines = [.. fileLines];
    }

    /// <summary>1-based position among all cells of the file (markdown included), as papermill counts.</summary>
    public int Number { get; }

    /// <summary>The kernel name (<c>csharp</c>, <c>fsharp</c>, <c>markdown</c>, …), aliases resolved.</summary>
    public string Kernel { get; }

    /// <summary>The cell's text as Polyglot Notebooks reads it (blank lines around it trimmed, LF line ends).</summary>
    public string Content { get; }

    /// <summary>The cell's lines.</summary>
    public string[] Lines => Content.Split('\n');

    /// <summary>True for markdown cells, which are rendered and never submitted.</summary>
    public bool IsMarkdown => Kernel == KnownKernels.Markdown;

    /// <summary>True for cells submitted to a kernel.</summary>
    public bool IsCode => !IsMarkdown;

    /// <summary>True for C# cells.</summary>
    public bool IsCSharp => Kernel == KnownKernels.CSharp;

    /// <summary>The file line of the cell's first line.</summary>
    public int StartLine => _fileLines.Length > 0 ? _fileLines[0] : 1;

    /// <summary>The file line of the cell's 0-based line <paramref name="cellLine"/> (kernel diagnostics count this way).</summary>
    public int FileLine(int cellLine) =>
        _fileLines.Length == 0 ? 1 : _fileLines[Math.Clamp(cellLine, 0, _fileLines.Length - 1)];
}

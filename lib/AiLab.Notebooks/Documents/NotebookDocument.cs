namespace AiLab.Notebooks.Documents;

/// <summary>A parsed .dib notebook.</summary>
internal sealed class NotebookDocument
{
    /// <summary>Creates a document; <see cref="DibParser"/> is the usual way to get one.</summary>
    public NotebookDocument(IReadOnlyList<NotebookCell> cells, KernelNames kernels, NotebookMetadata? metadata, string? path)
    {
        Cells = cells;
        Kernels = kernels;
        Metadata = metadata;
        Path = path;
    }

    /// <summary>The cells in file order; never empty (an empty file is one empty C# cell).</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Names and aliases that select cells in this file (built-in plus <c>#!meta</c> declarations).</summary>
    public KernelNames Kernels { get; }

    /// <summary>The <c>#!meta</c> block, or null when the file has none.</summary>
    public NotebookMetadata? Metadata { get; }

    /// <summary>The file the document was read from, or null for text parsed in memory.</summary>
    public string? Path { get; }

    /// <summary>The file name for messages (<c>01-evaluation-metrics.dib</c>), or "notebook" in memory.</summary>
    public string DisplayName => Path is null ? "notebook" : System.IO.Path.GetFileName(Path);

    /// <summary>The cell with the given 1-based number.</summary>
    public NotebookCell Cell(int number) => Cells[number - 1];
}

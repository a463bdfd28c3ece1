using Microsoft.DotNet.Interactive.Documents;

namespace AiLab.Notebooks.Documents;

/// <summary>A parsed notebook: the .NET Interactive document, and its cells numbered and mapped to file lines.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Source">What <c>Microsoft.DotNet.Interactive.Documents</c> parsed (metadata, elements).</param>
/// <param name="Cells">One per element of <paramref name="Source"/>, in order.</param>
/// <param name="MetadataLine">The 1-based line of the <c>#!meta</c> selector, or null when the file has none (always null for .ipynb).</param>
internal sealed record NotebookDocument(string Path, InteractiveDocument Source, IReadOnlyList<NotebookCell> Cells, int? MetadataLine)
{
    /// <summary>True for a Jupyter notebook (.ipynb), false for a .dib file.</summary>
    public bool IsJupyter => Path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);

    /// <summary>The cell numbered <paramref name="number"/> (1-based).</summary>
    public NotebookCell Cell(int number) => Cells[number - 1];

    /// <summary>The file line where cell <paramref name="number"/> starts, or 1 for no cell.</summary>
    public int LineOf(int number) => number >= 1 && number <= Cells.Count ? Cell(number).StartLine : 1;
}

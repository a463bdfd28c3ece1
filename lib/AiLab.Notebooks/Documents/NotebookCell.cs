namespace AiLab.Notebooks.Documents;

/// <summary>One cell of a .dib notebook.</summary>
/// <param name="Number">1-based position among all cells of the file (markdown included).</param>
/// <param name="Kernel">Canonical kernel name (<c>csharp</c>, <c>markdown</c>, …).</param>
/// <param name="Content">The cell text, lines joined with LF, leading and trailing empty lines removed.</param>
/// <param name="StartLine">1-based line in the file where <paramref name="Content"/> starts.</param>
internal sealed record NotebookCell(int Number, string Kernel, string Content, int StartLine)
{
    /// <summary>The content's lines; line <c>i</c> is line <c>StartLine + i</c> of the file.</summary>
    public string[] Lines => Content.Split('\n');

    /// <summary>1-based line of the file where the content ends.</summary>
    public int EndLine => StartLine + Lines.Length - 1;

    /// <summary>True for C# cells, the only ones that execute.</summary>
    public bool IsCSharp => Kernel == KernelInfo.CSharp;

    /// <summary>True for markdown cells, which render and never execute.</summary>
    public bool IsMarkdown => Kernel == KernelInfo.Markdown;
}

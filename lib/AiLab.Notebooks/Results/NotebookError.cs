namespace AiLab.Notebooks.Results;

/// <summary>Why a notebook stopped: where (cell number and line in the .dib file) and what.</summary>
/// <param name="Cell">1-based cell number, counting every cell in the file.</param>
/// <param name="Line">1-based line in the .dib file.</param>
/// <param name="Message">The compiler diagnostics or the exception, with notebook line numbers.</param>
internal sealed record NotebookError(int Cell, int Line, string Message)
{
    /// <summary>One line for logs: <c>cell 3, line 27: message</c>.</summary>
    public override string ToString() => $"cell {Cell}, line {Line}: {Message}";
}

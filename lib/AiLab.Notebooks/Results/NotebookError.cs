namespace AiLab.Notebooks.Results;

/// <summary>Why a notebook stopped: where (cell number and line in the notebook file) and what.</summary>
/// <param name="Cell">1-based cell number, counting every cell in the file.</param>
/// <param name="Line">1-based line in the notebook file (.dib or .ipynb).</param>
/// <param name="Message">The kernel's message: compiler diagnostics (with file lines), the exception, the crash or timeout.</param>
internal sealed record NotebookError(int Cell, int Line, string Message)
{
    /// <summary>One line for logs: <c>cell 3, line 27: message</c>.</summary>
    public override string ToString() => $"cell {Cell}, line {Line}: {Message}";
}

namespace AiLab.Notebooks.Documents;

/// <summary>Something <c>ailab check</c> reports about a notebook.</summary>
/// <param name="IsError">Errors fail the check (and the run); warnings only inform.</param>
/// <param name="Cell">1-based cell number, or null for file-level problems.</param>
/// <param name="Line">1-based line in the notebook file.</param>
/// <param name="Message">What is wrong and what to do.</param>
internal sealed record NotebookProblem(bool IsError, int? Cell, int Line, string Message)
{
    /// <summary><c>line 12 (cell 3): error: message</c>.</summary>
    public override string ToString() =>
        $"line {Line}{(Cell is { } c ? $" (cell {c})" : "")}: {(IsError ? "error" : "warning")}: {Message}";
}

using AiLab.Notebooks.Documents;
using Microsoft.CodeAnalysis;

namespace AiLab.Notebooks.Export;

/// <summary>A compiled (not run) C# cell: its Roslyn script compilation and syntax tree.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Compilation">The submission's compilation (it continues the previous cells').</param>
/// <param name="Tree">The cell's own tree; line i is line <c>Cell.StartLine + i</c> of the notebook.</param>
internal sealed record Submission(NotebookCell Cell, Compilation Compilation, SyntaxTree Tree)
{
    /// <summary>The 1-based notebook line of a position in <see cref="Tree"/>.</summary>
    public int LineOf(SyntaxNode node) => Cell.StartLine + node.GetLocation().GetLineSpan().StartLinePosition.Line;
}

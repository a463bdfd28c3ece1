using System.Text;
using AiLab.Notebooks.Documents;

namespace AiLab.Notebooks.Execution;

/// <summary>The C# that Roslyn compiles for a cell.</summary>
/// <param name="Code">The cell's code, prefixed with a <c>#line</c> directive that maps it to the .dib file.</param>
/// <param name="Timed">True when the cell holds <c>#!time</c>.</param>
internal sealed record CellCode(string Code, bool Timed)
{
    /// <summary>
    /// Prepares a C# cell whose directives are all supported: <c>#!time</c> lines become empty lines (so line numbers
    /// stay) and a <c>#line</c> directive makes diagnostics and stack traces name the notebook and its own lines.
    /// </summary>
    public static CellCode From(NotebookCell cell, KernelNames kernels, string notebookPath)
    {
        var lines = cell.Lines;
        var timed = false;
        foreach (var directive in CellDirectives.Scan(cell, kernels))
        {
            if (!directive.IsSupported)
            {
                throw new InvalidOperationException($"cell {cell.Number}, line {directive.Line}: {directive.Reason}");
            }
            timed = true;
            lines[directive.Line - cell.StartLine] = "";
        }
        var code = new StringBuilder()
            .Append("#line ").Append(cell.StartLine).Append(" \"").Append(Path.GetFullPath(notebookPath)).Append("\"\n")
            .AppendJoin('\n', lines)
            .ToString();
        return new CellCode(code, timed);
    }
}

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
    /// <param name="cell">The cell.</param>
    /// <param name="kernels">The notebook's kernel names (to tell directives from selectors).</param>
    /// <param name="notebookPath">The notebook file, named by the <c>#line</c> directive.</param>
    /// <param name="mapLines">False to leave out the <c>#line</c> directive (line i of the code is then line i of the cell).</param>
    /// <exception cref="InvalidOperationException">The cell holds an unsupported directive.</exception>
    public static CellCode From(NotebookCell cell, KernelNames kernels, string notebookPath, bool mapLines = true)
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
        var code = new StringBuilder();
        if (mapLines)
        {
            code.Append("#line ").Append(cell.StartLine).Append(" \"").Append(Path.GetFullPath(notebookPath)).Append("\"\n");
        }
        code.AppendJoin('\n', lines);
        return new CellCode(code.ToString(), timed);
    }
}

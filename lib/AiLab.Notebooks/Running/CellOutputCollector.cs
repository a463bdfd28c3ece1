using System.Globalization;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace AiLab.Notebooks.Running;

/// <summary>
/// Turns the kernel's events for one cell into the cell's outputs, as VS Code shows them: console text merged into
/// streams, displays with all their MIME types, updates applied in place, the return value, and error diagnostics
/// with the notebook file's lines.
/// </summary>
internal sealed class CellOutputCollector(NotebookCell cell, CellExecution execution, IReadOnlyList<CellExecution> earlier)
{
    private readonly List<string> _errors = [];

    /// <summary>The first error diagnostic's file line, if the kernel reported one.</summary>
    public int? FirstErrorLine { get; private set; }

    /// <summary>The error diagnostics, <c>file(line,column): error CODE: message</c>.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Applies one event of the cell.</summary>
    public void On(KernelEvent e)
    {
        switch (e)
        {
            case StandardOutputValueProduced output:
                AppendStream("stdout", Text(output.FormattedValues));
                break;
            case StandardErrorValueProduced error:
                AppendStream("stderr", Text(error.FormattedValues));
                break;
            case DisplayedValueUpdated update:
                Update(update);
                break;
            case ReturnValueProduced value:
                execution.Outputs.Add(new CellOutput { Kind = OutputKind.Result, Data = Data(value.FormattedValues), DisplayId = value.ValueId });
                break;
            case DisplayedValueProduced display:
                execution.Outputs.Add(new CellOutput { Kind = OutputKind.Display, Data = Data(display.FormattedValues), DisplayId = display.ValueId });
                break;
            case DiagnosticsProduced diagnostics:
                AddErrors(diagnostics);
                break;
        }
    }

    private void AppendStream(string name, string text)
    {
        if (execution.Outputs.Count > 0 && execution.Outputs[^1] is { Kind: OutputKind.Stream } last && last.Stream == name)
        {
            last.Text += text;
            return;
        }
        execution.Outputs.Add(CellOutput.ForStream(name, text));
    }

    // An update replaces the display with the same value id, in this cell or an earlier one. Measured on kernel
    // 1.0.712001: `display(x).Update(y)` in C# sends an update whose id differs from the display's, so an update
    // matching no id replaces the latest display of this cell (VS Code shows the updated value there too).
    private void Update(DisplayedValueUpdated update)
    {
        var target = execution.Outputs.Concat(earlier.SelectMany(e => e.Outputs))
                .FirstOrDefault(o => o.Kind == OutputKind.Display && o.DisplayId is not null && o.DisplayId == update.ValueId)
            ?? execution.Outputs.LastOrDefault(o => o.Kind == OutputKind.Display);
        if (target is null)
        {
            execution.Outputs.Add(new CellOutput { Kind = OutputKind.Display, Data = Data(update.FormattedValues), DisplayId = update.ValueId });
            return;
        }
        target.Data = Data(update.FormattedValues);
    }

    // Diagnostics' positions are 0-based lines of the submitted cell (also for the parts the kernel splits a cell
    // into around #r and #!time; measured), so they map straight to file lines.
    private void AddErrors(DiagnosticsProduced diagnostics)
    {
        foreach (var diagnostic in diagnostics.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            var start = diagnostic.LinePositionSpan.Start;
            var line = cell.FileLine(start.Line);
            FirstErrorLine ??= line;
            _errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(execution.NotebookPath)}({line},{start.Character + 1}): error {diagnostic.Code}: {diagnostic.Message}"));
        }
    }

    private static string Text(IReadOnlyCollection<FormattedValue> values) =>
        (values.FirstOrDefault(v => v.MimeType == MimeTypes.PlainText) ?? values.FirstOrDefault())?.Value ?? "";

    private static Dictionary<string, string> Data(IReadOnlyCollection<FormattedValue> values) =>
        values.GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.Last().Value ?? "");
}

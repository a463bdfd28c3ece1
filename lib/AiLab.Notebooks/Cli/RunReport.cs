using System.Globalization;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary>How run results read on the console.</summary>
internal static class RunReport
{
    /// <summary>One markup line: status, notebook (its path, or only its name when <paramref name="compact"/>), time, and where it failed.</summary>
    public static string StatusLine(NotebookRunResult result, bool compact = false)
    {
        var status = result.Status switch
        {
            NotebookStatus.Passed => "[green]passed [/]",
            NotebookStatus.Timeout => "[yellow]timeout[/]",
            _ => "[red]failed [/]",
        };
        var name = compact ? result.Target.Stem : result.Target.DisplayPath;
        var line = $"{status} {Markup.Escape(name)} [grey]{result.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s[/]";
        return result.Error is { } error ? $"{line} [red]{Markup.Escape(Where(error))}[/]" : line;
    }

    /// <summary>Writes the full report of every notebook that did not pass, then the totals.</summary>
    public static void WriteFailuresAndTotals(IAnsiConsole console, RunSummary summary, IReadOnlyList<NotebookRunResult> results, string outDir)
    {
        foreach (var result in results.Where(r => !r.Passed))
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[red bold]{result.Status.ToString().ToUpperInvariant()}[/] {result.Target.DisplayPath}, {Where(result.Error!)}");
            console.WriteLine(Indent(result.Error!.Message));
        }
        console.WriteLine();
        console.MarkupLineInterpolated(
            $"{summary.Passed} passed, {summary.Failed} failed in {summary.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s (device {summary.Device}); report: {Path.Combine(outDir, RunArtifacts.IndexFile)}");
    }

    private static string Where(NotebookError error) =>
        error.Cell > 0 ? $"cell {error.Cell}, line {error.Line}" : $"line {error.Line}";

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));
}

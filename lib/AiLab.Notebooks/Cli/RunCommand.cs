using System.CommandLine;
using System.Globalization;
using AiLab.Notebooks.Running;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary><c>ailab run [paths…] [--out DIR] [--jobs N] [--timeout S] [--filter TEXT] [--shard i/n] [--png]</c>.</summary>
internal static class RunCommand
{
    /// <summary>The command with its options and action.</summary>
    public static Command Create()
    {
        var paths = NotebookArguments.Paths();
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "artifacts" };
        var jobs = new Option<int>("--jobs") { Description = "Notebooks run at the same time", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout") { Description = "Per-cell timeout in seconds", DefaultValueFactory = _ => RunSettings.DefaultCellTimeout.TotalSeconds };
        var filter = new Option<string?>("--filter") { Description = "Only notebooks whose file name contains this text" };
        var shard = new Option<string?>("--shard") { Description = "Only slice i of n of the sorted notebooks (i/n, 1-based)" };
        var png = new Option<bool>("--png") { Description = "Also save charts as PNG (AILAB_PNG=1)" };
        var command = new Command("run", "Run notebooks headlessly, each in its own official .NET Interactive kernel, and write executed notebooks, pages and run-summary.json")
        {
            paths, outDir, jobs, timeout, filter, shard, png,
        };
        command.SetAction((parse, cancellation) => ExecuteAsync(
            parse.GetValue(paths) ?? [], parse.GetValue(outDir)!, parse.GetValue(jobs), parse.GetValue(timeout),
            parse.GetValue(filter), parse.GetValue(shard), parse.GetValue(png), cancellation));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        string[] paths, string outDir, int jobs, double timeoutSeconds, string? filter, string? shardText, bool png, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        var invalid = jobs < 1 ? $"--jobs must be at least 1, not {jobs}"
            : !(timeoutSeconds > 0) ? $"--timeout must be a positive number of seconds, not {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}"
            : null;
        if (invalid is not null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {invalid}");
            return ExitCodes.Usage;
        }
        if (NotebookArguments.Find(console, paths, filter, shardText) is not { } targets)
        {
            return ExitCodes.Usage;
        }
        if (targets.Count == 0)
        {
            console.MarkupLine("[yellow]no notebooks to run[/]");
            return ExitCodes.Success;
        }

        var settings = new RunSettings(Path.GetFullPath(outDir), TimeSpan.FromSeconds(timeoutSeconds), jobs, png);
        var runner = new NotebookRunner(settings);
        RunSummary summary;
        IReadOnlyList<NotebookRunResult> results;
        try
        {
            (summary, results) = console.Profile.Capabilities.Interactive
                ? await console.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
                    .StartAsync(context => runner.RunAsync(targets, new LiveProgress(context), cancellation))
                : await runner.RunAsync(targets, new LineProgress(console), cancellation);
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Usage;
        }
        RunReport.WriteFailuresAndTotals(console, summary, results, settings.OutDir);
        return summary.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}

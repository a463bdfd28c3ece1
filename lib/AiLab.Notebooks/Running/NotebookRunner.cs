using System.ComponentModel;
using System.Diagnostics;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Output;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Running;

/// <summary>
/// Runs notebooks, each in its own official kernel process, <see cref="RunSettings.Jobs"/> at a time, and writes every artifact.
/// A notebook's failure (or crash, or timeout) is recorded and the others still run.
/// </summary>
internal sealed class NotebookRunner(RunSettings settings)
{
    /// <summary>Runs <paramref name="targets"/>, telling <paramref name="observer"/>, and returns the summary (also written to run-summary.json).</summary>
    /// <exception cref="ArgumentException">Two notebooks share a file name (their charts and pages would collide).</exception>
    public async Task<(RunSummary Summary, IReadOnlyList<NotebookRunResult> Results)> RunAsync(
        IReadOnlyList<NotebookTarget> targets, IRunObserver observer, CancellationToken cancellation = default)
    {
        if (targets.GroupBy(t => t.Stem, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException(
                $"notebooks {string.Join(" and ", clash.Select(t => t.DisplayPath))} share the name '{clash.Key}'; their charts and pages would overwrite each other",
                nameof(targets));
        }
        Directory.CreateDirectory(settings.OutDir);
        PlotlyAsset.Publish(settings.OutDir);

        var clock = Stopwatch.StartNew();
        var results = new NotebookRunResult[targets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Jobs) };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), options, async (index, _) =>
        {
            var result = await RunOneAsync(targets[index], observer, cancellation);
            RunArtifacts.WriteNotebook(result, settings);
            results[index] = result;
            observer.NotebookFinished(result);
        });

        var summary = RunSummary.From(results, clock.Elapsed);
        RunArtifacts.WriteSummary(summary, results, settings);
        return (summary, results);
    }

    private async Task<NotebookRunResult> RunOneAsync(NotebookTarget target, IRunObserver observer, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        NotebookDocument document;
        try
        {
            document = NotebookReader.ReadFile(target.FullPath);
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            observer.NotebookStarted(target, 0);
            return Failed(target, null, new NotebookError(0, (e as NotebookFormatException)?.Line ?? 1, (e as NotebookFormatException)?.Reason ?? e.Message), clock);
        }
        observer.NotebookStarted(target, document.Cells.Count(c => c.IsCode));
        if (cancellation.IsCancellationRequested)
        {
            return Failed(target, document, new NotebookError(0, 1, "the run was cancelled before this notebook started"), clock);
        }

        RunArtifacts.ClearCharts(target, settings);
        NotebookRunResult result;
        try
        {
            result = await NotebookExecution.RunAsync(target, document, settings, cell => observer.CellStarted(target, cell), cancellation);
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            result = Failed(target, document, new NotebookError(0, 1, $"could not start the kernel: {e.Message}"), clock);
        }
        result.Charts = RunArtifacts.ListCharts(target, settings);
        result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    private static NotebookRunResult Failed(NotebookTarget target, NotebookDocument? document, NotebookError error, Stopwatch clock) => new()
    {
        Target = target,
        Document = document,
        Status = NotebookStatus.Failed,
        Error = error,
        Seconds = clock.Elapsed.TotalSeconds,
    };

}

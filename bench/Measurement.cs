using System.Diagnostics;

/// <summary>Timing helpers shared by the workloads; pytorch_bench.py times its side the same way.</summary>
internal static class Measurement
{
    /// <summary>The smallest of <paramref name="repeats"/> runs: the run least disturbed by other processes.</summary>
    internal static double BestOf(Func<double> run, int repeats) => Enumerable.Range(0, repeats).Min(_ => run());

    /// <summary>
    /// A loop stops early after this long. A healthy loop takes under 2 s; on an oversubscribed host a
    /// two-thread loop can crawl for minutes (each step waits for both threads to be scheduled) — a result
    /// that loses to the one-thread loop anyway, so there is no point in waiting for all of it.
    /// </summary>
    internal const double LoopBudgetSeconds = 4;

    /// <summary>
    /// Seconds per iteration of <paramref name="body"/>, best of <paramref name="repeats"/> loops of
    /// <paramref name="iterations"/> iterations (or as many as fit in <see cref="LoopBudgetSeconds"/>).
    /// </summary>
    internal static double SecondsPerIteration(Action body, int iterations, int repeats) => BestOf(() =>
    {
        // The clock is read every 1 % of the loop so that reading it costs nothing measurable.
        var checkEvery = Math.Max(1, iterations / 100);
        var stopwatch = Stopwatch.StartNew();
        var done = 0;
        while (done < iterations)
        {
            body();
            done++;
            if (done % checkEvery == 0 && stopwatch.Elapsed.TotalSeconds > LoopBudgetSeconds) break;
        }
        return stopwatch.Elapsed.TotalSeconds / done;
    }, repeats);

    /// <summary>Times (keys ending in <c>_seconds</c>) are better small, rates (GFLOP/s, steps/s) large.</summary>
    internal static bool IsTime(string workload) => workload.EndsWith("_seconds", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="best"/> for this workload.</summary>
    internal static bool IsBetter(string workload, double candidate, double best) =>
        IsTime(workload) ? candidate < best : candidate > best;
}

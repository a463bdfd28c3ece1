using System.Diagnostics;

/// <summary>Timing helpers shared by the workloads; pytorch_bench.py times its side the same way.</summary>
internal static class Measurement
{
    /// <summary>The smallest of <paramref name="repeats"/> runs: the run least disturbed by other processes.</summary>
    internal static double BestOf(Func<double> run, int repeats) => Enumerable.Range(0, repeats).Min(_ => run());

    /// <summary>Seconds per iteration of <paramref name="body"/>, best of <paramref name="repeats"/> loops.</summary>
    internal static double SecondsPerIteration(Action body, int iterations, int repeats) => BestOf(() =>
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) body();
        return stopwatch.Elapsed.TotalSeconds / iterations;
    }, repeats);

    /// <summary>Times (keys ending in <c>_seconds</c>) are better small, rates (GFLOP/s, steps/s) large.</summary>
    internal static bool IsTime(string workload) => workload.EndsWith("_seconds", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="best"/> for this workload.</summary>
    internal static bool IsBetter(string workload, double candidate, double best) =>
        IsTime(workload) ? candidate < best : candidate > best;
}

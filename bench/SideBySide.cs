using System.Globalization;
using TorchSharp;

/// <summary>
/// Runs every workload on both sides and prints the tables. The shared host's speed drifts over minutes, so
/// each workload alternates between the sides, <see cref="Rounds"/> times at every thread count, and each
/// side keeps its best: one noisy period cannot decide a ratio.
/// </summary>
internal static class SideBySide
{
    private const int Rounds = 3;

    internal static void Run(IReadOnlyList<int> threadCounts)
    {
        var torchSharp = new BestResults();
        var pyTorch = new BestResults();
        foreach (var (workload, measure) in TorchSharpWorkloads.All)
        {
            for (var round = 1; round <= Rounds; round++)
            {
                foreach (var threads in threadCounts)
                {
                    var theirs = PyTorchSide.Measure(workload, threads);
                    if (theirs is { } t) pyTorch.Offer(workload, threads, t);
                    torch.set_num_threads(threads);
                    var ours = measure();
                    torchSharp.Offer(workload, threads, ours);
                    // Every measurement on stderr: the spread between rounds shows how noisy the host is.
                    Console.Error.WriteLine(FormattableString.Invariant(
                        $"{workload} round {round}/{Rounds} {threads}t: TorchSharp {ours:G4}, PyTorch {theirs?.ToString("G4", CultureInfo.InvariantCulture) ?? "-"}"));
                }
            }
        }
        Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version} (libtorch {torch.__version__}) vs PyTorch {PyTorchSide.Version ?? "(not run)"}; " +
            $"threads {string.Join(" and ", threadCounts)}; each workload alternating between the sides {Rounds} times per thread count, each side's best");
        Console.WriteLine();
        ResultTable.PrintBest(torchSharp, pyTorch);
        Console.WriteLine();
        ResultTable.PrintPerThreadCount(torchSharp, pyTorch, threadCounts);
    }
}

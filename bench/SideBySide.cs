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
                    Console.Error.Write($"\r{workload}: round {round}/{Rounds}, {threads} thread(s)   ");
                    if (PyTorchSide.Measure(workload, threads) is { } theirs) pyTorch.Offer(workload, threads, theirs);
                    torch.set_num_threads(threads);
                    torchSharp.Offer(workload, threads, measure());
                }
            }
        }
        Console.Error.WriteLine();
        Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version} (libtorch {torch.__version__}) vs PyTorch {PyTorchSide.Version ?? "(not run)"}; " +
            $"threads {string.Join(" and ", threadCounts)}; each workload alternating between the sides {Rounds} times per thread count, each side's best");
        Console.WriteLine();
        ResultTable.PrintBest(torchSharp, pyTorch);
        Console.WriteLine();
        ResultTable.PrintPerThreadCount(torchSharp, pyTorch, threadCounts);
    }
}

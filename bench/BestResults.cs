/// <summary>One side's best measurement of each workload at each thread count, over all rounds.</summary>
internal sealed class BestResults
{
    private readonly Dictionary<(string Workload, int Threads), double> best = [];

    /// <summary>Keeps <paramref name="value"/> if it beats what this workload and thread count had.</summary>
    internal void Offer(string workload, int threads, double value)
    {
        if (!best.TryGetValue((workload, threads), out var old) || Measurement.IsBetter(workload, value, old))
            best[(workload, threads)] = value;
    }

    /// <summary>The best value at this thread count, or null when this side never measured it.</summary>
    internal double? At(string workload, int threads) => best.TryGetValue((workload, threads), out var value) ? value : null;

    /// <summary>The best value over all thread counts and the thread count that gave it.</summary>
    internal (double Value, int Threads)? Best(string workload)
    {
        (double Value, int Threads)? winner = null;
        foreach (var ((name, threads), value) in best)
            if (name == workload && (winner is null || Measurement.IsBetter(workload, value, winner.Value.Value)))
                winner = (value, threads);
        return winner;
    }
}

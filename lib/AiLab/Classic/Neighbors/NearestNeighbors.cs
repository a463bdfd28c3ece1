namespace AiLab.Classic;

/// <summary>
/// Brute-force k-nearest-neighbour search (exact; O(n·d) per query, plenty for the data sets here).
/// Ties in distance keep the lower index first, so results are deterministic.
/// </summary>
internal static class NearestNeighbors
{
    /// <summary>
    /// Indices and Euclidean distances of the <paramref name="k"/> rows of <paramref name="data"/> nearest to
    /// <paramref name="query"/>, nearest first, skipping the row <paramref name="exclude"/> (−1 = none).
    /// </summary>
    public static (int[] Indices, double[] Distances) Query(double[,] data, ReadOnlySpan<double> query, int k, int exclude = -1)
    {
        int n = data.GetLength(0);
        var squared = new double[n];
        for (int i = 0; i < n; i++) squared[i] = i == exclude ? double.NaN : Rows.SquaredDistance(data.Row(i), query);
        var candidates = new int[n - (exclude >= 0 ? 1 : 0)];
        for (int i = 0, c = 0; i < n; i++) if (i != exclude) candidates[c++] = i;
        var (indices, keys) = Smallest(candidates, squared, Math.Min(k, n - (exclude >= 0 ? 1 : 0)));
        return (indices, keys.Select(Math.Sqrt).ToArray());
    }

    /// <summary>
    /// The <paramref name="k"/> candidates with the smallest key, smallest first, by insertion into a sorted
    /// top-k list (O(n) for small k). NaN keys rank last; equal keys keep candidate order.
    /// </summary>
    public static (int[] Indices, double[] Keys) Smallest(ReadOnlySpan<int> candidates, double[] keyOf, int k)
    {
        var best = new int[k];
        var keys = new double[k];
        int count = 0;
        if (k == 0) return (best, keys);
        foreach (int i in candidates)
        {
            double key = double.IsNaN(keyOf[i]) ? double.PositiveInfinity : keyOf[i];
            if (count == k && key >= keys[k - 1]) continue;
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && keys[pos - 1] > key)
            {
                (keys[pos], best[pos]) = (keys[pos - 1], best[pos - 1]);
                pos--;
            }
            (keys[pos], best[pos]) = (key, i);
        }
        return (best, best.Select(i => keyOf[i]).ToArray());
    }

    /// <summary>
    /// Neighbour weights: all 1 (uniform), or 1/distance — where a neighbour is at distance 0, only the
    /// zero-distance neighbours count (scikit-learn's rule).
    /// </summary>
    public static double[] Weights(double[] distances, NeighborWeights weights)
    {
        var w = new double[distances.Length];
        if (weights == NeighborWeights.Uniform || distances.Length == 0)
        {
            Array.Fill(w, 1.0);
            return w;
        }
        bool anyZero = distances.Any(d => d == 0);
        for (int i = 0; i < w.Length; i++)
            w[i] = anyZero ? (distances[i] == 0 ? 1.0 : 0.0) : double.IsNaN(distances[i]) ? 0.0 : 1.0 / distances[i];
        return w;
    }
}

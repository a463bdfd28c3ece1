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
        k = Math.Min(k, n - (exclude >= 0 ? 1 : 0));
        var indices = new int[k];
        var squared = new double[k];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == exclude) continue;
            double dist = Rows.SquaredDistance(data.Row(i), query);
            if (count == k && dist >= squared[k - 1]) continue;
            // Insertion into the sorted top-k list; strict comparison keeps earlier indices ahead on ties.
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && squared[pos - 1] > dist)
            {
                squared[pos] = squared[pos - 1];
                indices[pos] = indices[pos - 1];
                pos--;
            }
            squared[pos] = dist;
            indices[pos] = i;
        }
        return (indices, squared.Select(Math.Sqrt).ToArray());
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

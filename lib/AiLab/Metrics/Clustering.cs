namespace AiLab.Metrics;

/// <summary>Clustering metrics with scikit-learn's semantics (<c>sklearn.metrics</c>, version 1.2).</summary>
public static partial class Clustering
{
    /// <summary>Mean silhouette coefficient over all samples (Euclidean distance), as <c>silhouette_score</c>; in [−1, 1], higher is better separated.</summary>
    /// <param name="x">Samples × features, finite.</param>
    /// <param name="labels">Cluster of each sample; between 2 and n − 1 distinct clusters.</param>
    public static double SilhouetteScore(double[,] x, ReadOnlySpan<int> labels) => SilhouetteSamples(x, labels).Average();

    /// <summary>
    /// Silhouette coefficient of each sample, as <c>silhouette_samples</c>: s = (b − a) / max(a, b), where a is the mean
    /// distance to the other members of its cluster and b the smallest mean distance to another cluster. A sample alone
    /// in its cluster has s = 0. Throws unless the number of clusters is between 2 and n − 1, as scikit-learn does.
    /// </summary>
    /// <param name="x">Samples × features, finite.</param>
    /// <param name="labels">Cluster of each sample (any integers).</param>
    public static double[] SilhouetteSamples(double[,] x, ReadOnlySpan<int> labels)
    {
        int n = x.GetLength(0), features = x.GetLength(1);
        MetricArguments.Paired(n, labels.Length, nameof(x), nameof(labels));
        MetricArguments.Finite(x, nameof(x));
        var (cluster, sizes) = Encode(labels);
        int k = sizes.Length;
        if (k < 2 || k > n - 1)
            throw new ArgumentException($"has {k} distinct clusters for {n} samples; the silhouette needs between 2 and n − 1.", nameof(labels));

        // distanceSums[i, c] = sum of distances from sample i to the members of cluster c; each pair is computed once.
        var distanceSums = new double[n, k];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double squared = 0;
                for (int f = 0; f < features; f++)
                {
                    double d = x[i, f] - x[j, f];
                    squared += d * d;
                }
                double distance = Math.Sqrt(squared);
                distanceSums[i, cluster[j]] += distance;
                distanceSums[j, cluster[i]] += distance;
            }

        var silhouettes = new double[n];
        for (int i = 0; i < n; i++)
        {
            int own = cluster[i];
            if (sizes[own] == 1)
                continue; // a singleton's silhouette is 0 by convention
            double a = distanceSums[i, own] / (sizes[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own)
                    b = Math.Min(b, distanceSums[i, c] / sizes[c]);
            double scale = Math.Max(a, b);
            silhouettes[i] = scale == 0 ? 0 : (b - a) / scale;
        }
        return silhouettes;
    }

    /// <summary>
    /// Adjusted Rand index, as <c>adjusted_rand_score</c>: the Rand index (agreement over all pairs of samples) corrected
    /// for chance, so random labelings score ≈ 0 and identical partitions 1 whatever the label values; it can be negative.
    /// Symmetric in its arguments.
    /// </summary>
    /// <param name="labelsTrue">Reference clustering (or classes).</param>
    /// <param name="labelsPred">Clustering to evaluate, same length.</param>
    public static double AdjustedRandScore(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
    {
        MetricArguments.Paired(labelsTrue.Length, labelsPred.Length, nameof(labelsTrue), nameof(labelsPred));
        var (rows, rowSizes) = Encode(labelsTrue);
        var (columns, columnSizes) = Encode(labelsPred);
        var contingency = new Dictionary<(int, int), long>();
        for (int i = 0; i < rows.Length; i++)
            contingency[(rows[i], columns[i])] = contingency.GetValueOrDefault((rows[i], columns[i])) + 1;

        // Pair confusion matrix over ordered pairs (scikit-learn's pair_confusion_matrix): both together, split one way, split the other.
        long n = rows.Length;
        long sumSquares = contingency.Values.Sum(v => v * v);
        long togetherInBoth = sumSquares - n;
        long togetherInPredOnly = contingency.Sum(e => e.Value * columnSizes[e.Key.Item2]) - sumSquares;
        long togetherInTrueOnly = contingency.Sum(e => e.Value * rowSizes[e.Key.Item1]) - sumSquares;
        long apartInBoth = n * n - togetherInPredOnly - togetherInTrueOnly - sumSquares;
        if (togetherInPredOnly == 0 && togetherInTrueOnly == 0)
            return 1.0;

        // Products reach n⁴: Int128 keeps them exact before the single rounding to double, as Python's integers do.
        Int128 tp = togetherInBoth, tn = apartInBoth, fp = togetherInPredOnly, fn = togetherInTrueOnly;
        Int128 numerator = tp * tn - fn * fp;
        Int128 denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
        return 2.0 * (double)numerator / (double)denominator;
    }

    /// <summary>Maps arbitrary labels to 0..k−1 (in order of first appearance) and counts each cluster.</summary>
    private static (int[] Codes, long[] Sizes) Encode(ReadOnlySpan<int> labels)
    {
        var code = new Dictionary<int, int>();
        var codes = new int[labels.Length];
        var sizes = new List<long>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (!code.TryGetValue(labels[i], out int c))
            {
                c = code.Count;
                code[labels[i]] = c;
                sizes.Add(0);
            }
            codes[i] = c;
            sizes[c]++;
        }
        return (codes, [.. sizes]);
    }
}

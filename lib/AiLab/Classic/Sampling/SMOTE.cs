namespace AiLab.Classic;

/// <summary>
/// Synthetic Minority Over-sampling TEchnique (Chawla et al. 2002; imbalanced-learn's <c>SMOTE</c>): every
/// synthetic sample lies on the segment between a minority sample and one of its k nearest same-class
/// neighbours. Apply to the training split only.
/// </summary>
public sealed class SMOTE
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="kNeighbors">Same-class neighbours to interpolate towards.</param>
    /// <param name="samplingRatio">Target size of each minority class as a fraction of the majority class
    /// (null = 1, fully balanced). Classes already at or above the target are left alone.</param>
    /// <param name="seed">Seed of the parent, neighbour and gap draws.</param>
    public SMOTE(int kNeighbors = 5, double? samplingRatio = null, int seed = 0)
    {
        Guard.AtLeast(kNeighbors, 1, nameof(kNeighbors));
        if (samplingRatio is { } r) Guard.InRange(r, 0, 1, nameof(samplingRatio));
        (KNeighbors, SamplingRatio, Seed) = (kNeighbors, samplingRatio, seed);
    }

    /// <summary>Number of same-class neighbours.</summary>
    public int KNeighbors { get; }
    /// <summary>Target minority/majority ratio (null = 1).</summary>
    public double? SamplingRatio { get; }
    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>Returns X and y with synthetic minority rows appended, with their provenance.</summary>
    public SmoteResult FitResample(double[,] X, int[] y)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0), d = X.GetLength(1);
        Guard.Labels(y, n, nameof(y), "X's rows");
        var byClass = Enumerable.Range(0, n).GroupBy(i => y[i]).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.ToArray());
        int majority = byClass.Values.Max(v => v.Length);
        int target = (int)((SamplingRatio ?? 1.0) * majority);
        var rng = new Random(Seed);
        var parents = new List<int>();
        var neighbors = new List<int>();
        var gaps = new List<double>();
        var labels = new List<int>();
        foreach (var (label, members) in byClass)
        {
            int needed = target - members.Length;
            if (needed <= 0) continue;
            if (members.Length < 2)
                throw new ArgumentException($"Class {label} has {members.Length} sample; SMOTE needs at least 2 to interpolate.", nameof(y));
            int k = Math.Min(KNeighbors, members.Length - 1);
            var points = X.SelectRows(members);
            var neighborTable = new int[members.Length][];
            for (int m = 0; m < members.Length; m++)
                neighborTable[m] = NearestNeighbors.Query(points, points.Row(m), k, exclude: m).Indices;
            for (int s = 0; s < needed; s++)
            {
                // One draw picks (parent, neighbour) uniformly among the members.Length × k pairs, as imbalanced-learn.
                int pair = rng.Next(members.Length * k);
                int parent = pair / k;
                parents.Add(members[parent]);
                neighbors.Add(members[neighborTable[parent][pair % k]]);
                gaps.Add(rng.NextDouble());
                labels.Add(label);
            }
        }
        var resampled = new double[n + parents.Count, d];
        Array.Copy(X, resampled, X.Length);
        for (int s = 0; s < parents.Count; s++)
        {
            var a = X.Row(parents[s]);
            var b = X.Row(neighbors[s]);
            var row = resampled.Row(n + s);
            for (int j = 0; j < d; j++) row[j] = a[j] + gaps[s] * (b[j] - a[j]);
        }
        return new SmoteResult(resampled, [.. y, .. labels], n, [.. parents], [.. neighbors], [.. gaps]);
    }
}

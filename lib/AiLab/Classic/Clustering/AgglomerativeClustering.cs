namespace AiLab.Classic;

/// <summary>Which distance between clusters agglomerative clustering merges by (scikit-learn's <c>linkage</c>).</summary>
public enum Linkage
{
    /// <summary>Merge the pair that least increases the total within-cluster variance (Ward 1963): compact, similar-sized clusters.</summary>
    Ward,
    /// <summary>Largest distance between members (farthest neighbours): compact clusters, sensitive to outliers.</summary>
    Complete,
    /// <summary>Mean distance between the members of the two clusters.</summary>
    Average,
    /// <summary>Smallest distance between members (nearest neighbours): follows chains, can join clusters through a bridge.</summary>
    Single,
}

/// <summary>
/// Bottom-up hierarchical clustering (scikit-learn's <c>AgglomerativeClustering</c> with Euclidean distances and
/// <c>compute_full_tree=True, compute_distances=True</c>): every sample starts as its own cluster and the two closest
/// clusters under <see cref="Linkage"/> are merged until one is left; <see cref="Labels"/> cut that tree at
/// <see cref="NClusters"/> clusters. Distances between clusters are updated by the Lance–Williams formulas; the
/// generic algorithm costs O(n³) time and O(n²) memory, fine for a few thousand samples.
/// </summary>
public sealed class AgglomerativeClustering
{
    private int[]? _labels;
    private int[,]? _children;
    private double[]? _distances;

    /// <summary>Creates the estimator.</summary>
    /// <param name="nClusters">Number of clusters to cut the tree into, ≥ 1.</param>
    /// <param name="linkage">Merge criterion.</param>
    public AgglomerativeClustering(int nClusters = 2, Linkage linkage = Linkage.Ward)
    {
        Guard.AtLeast(nClusters, 1, nameof(nClusters));
        if (!Enum.IsDefined(linkage))
            throw new ArgumentOutOfRangeException(nameof(linkage), linkage, "is not a Linkage value.");
        (NClusters, Linkage) = (nClusters, linkage);
    }

    /// <summary>Number of clusters.</summary>
    public int NClusters { get; }
    /// <summary>Merge criterion.</summary>
    public Linkage Linkage { get; }

    /// <summary>Cluster of each training row, 0 … NClusters − 1, numbered by first appearance.</summary>
    public int[] Labels => Guard.Fitted(_labels, nameof(AgglomerativeClustering));
    /// <summary>
    /// The merges, (n − 1) × 2 (scikit-learn's <c>children_</c>): row i joins two nodes into node n + i; nodes below n
    /// are samples. The smaller node id comes first.
    /// </summary>
    public int[,] Children => Guard.Fitted(_children, nameof(AgglomerativeClustering));
    /// <summary>
    /// Linkage distance of each merge, non-decreasing (scikit-learn's <c>distances_</c>, SciPy's linkage heights);
    /// for Ward √(2 nₐn_b / (nₐ + n_b)) · ‖cₐ − c_b‖. A large jump suggests where to cut (a dendrogram's longest stem).
    /// </summary>
    public double[] Distances => Guard.Fitted(_distances, nameof(AgglomerativeClustering));

    /// <summary>Builds the full tree on X and cuts it. Returns this.</summary>
    public AgglomerativeClustering Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0);
        if (NClusters > n)
            throw new ArgumentException($"nClusters = {NClusters} exceeds the {n} samples of X.", nameof(X));
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                d[i, j] = d[j, i] = Math.Sqrt(Rows.SquaredDistance(X.Row(i), X.Row(j)));
        var node = Enumerable.Range(0, n).ToArray();   // tree node held by each active slot
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Range(0, n).ToList();
        var children = new int[Math.Max(n - 1, 0), 2];
        var distances = new double[Math.Max(n - 1, 0)];
        var parent = new int[2 * n - 1];
        for (int step = 0; step < n - 1; step++)
        {
            var (a, b) = ClosestPair(d, active);
            children[step, 0] = Math.Min(node[a], node[b]);
            children[step, 1] = Math.Max(node[a], node[b]);
            distances[step] = d[a, b];
            parent[node[a]] = parent[node[b]] = n + step;
            foreach (int k in active)
                if (k != a && k != b)
                    d[a, k] = d[k, a] = Update(d[k, a], d[k, b], d[a, b], size[a], size[b], size[k]);
            size[a] += size[b];
            node[a] = n + step;
            active.Remove(b);
        }
        _children = children;
        _distances = distances;
        _labels = Cut(parent, n);
        return this;
    }

    /// <summary>Fits and returns <see cref="Labels"/>.</summary>
    public int[] FitPredict(double[,] X) => Fit(X).Labels;

    private static (int, int) ClosestPair(double[,] d, List<int> active)
    {
        // Ties go to the first pair in slot order, so results are reproducible.
        double best = double.PositiveInfinity;
        (int, int) pair = (active[0], active[1]);
        for (int p = 0; p < active.Count; p++)
            for (int q = p + 1; q < active.Count; q++)
                if (d[active[p], active[q]] < best)
                    (best, pair) = (d[active[p], active[q]], (active[p], active[q]));
        return pair;
    }

    /// <summary>Lance–Williams: distance from cluster k to the union of a and b.</summary>
    private double Update(double dka, double dkb, double dab, int na, int nb, int nk) => Linkage switch
    {
        Linkage.Single => Math.Min(dka, dkb),
        Linkage.Complete => Math.Max(dka, dkb),
        Linkage.Average => (na * dka + nb * dkb) / (na + nb),
        // Ward on Euclidean (not squared) distances, as SciPy and scikit-learn report them.
        _ => Math.Sqrt(Math.Max(0, ((na + nk) * dka * dka + (nb + nk) * dkb * dkb - nk * dab * dab) / (na + nb + nk))),
    };

    /// <summary>Undoes the last NClusters − 1 merges: each sample's cluster is its highest ancestor among the remaining nodes.</summary>
    private int[] Cut(int[] parent, int n)
    {
        int lastKept = 2 * n - 1 - NClusters;   // nodes above this id are the undone merges
        var labels = new int[n];
        var number = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int top = i;
            while (top < 2 * n - 2 && parent[top] <= lastKept)
                top = parent[top];
            if (!number.TryGetValue(top, out labels[i]))
                number[top] = labels[i] = number.Count;
        }
        return labels;
    }
}

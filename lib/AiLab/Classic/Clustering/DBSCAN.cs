namespace AiLab.Classic;

/// <summary>
/// Density-based clustering (Ester et al. 1996; scikit-learn's <c>DBSCAN</c>): a core sample has at least
/// <see cref="MinSamples"/> samples (itself included) within <see cref="Eps"/>; clusters are the connected
/// components of core samples plus the border samples they reach; everything else is noise, label −1.
/// </summary>
public sealed class DBSCAN
{
    private int[]? _labels;
    private int[]? _coreSampleIndices;

    /// <summary>Creates the estimator.</summary>
    /// <param name="eps">Neighbourhood radius (Euclidean).</param>
    /// <param name="minSamples">Neighbours (including the sample) needed for a core sample.</param>
    public DBSCAN(double eps = 0.5, int minSamples = 5)
    {
        Guard.Positive(eps, nameof(eps));
        Guard.AtLeast(minSamples, 1, nameof(minSamples));
        (Eps, MinSamples) = (eps, minSamples);
    }

    /// <summary>Neighbourhood radius.</summary>
    public double Eps { get; }
    /// <summary>Minimum neighbourhood size of a core sample.</summary>
    public int MinSamples { get; }

    /// <summary>Cluster index of each training row; −1 = noise.</summary>
    public int[] Labels => Guard.Fitted(_labels, nameof(DBSCAN));
    /// <summary>Indices of the core samples, ascending.</summary>
    public int[] CoreSampleIndices => Guard.Fitted(_coreSampleIndices, nameof(DBSCAN));
    /// <summary>Number of clusters found (noise excluded).</summary>
    public int NClusters => Labels.DefaultIfEmpty(-1).Max() + 1;

    /// <summary>Clusters X. Returns this.</summary>
    public DBSCAN Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0);
        double eps2 = Eps * Eps;
        var neighbors = new List<int>[n];
        for (int i = 0; i < n; i++) neighbors[i] = [];
        for (int i = 0; i < n; i++)
        {
            neighbors[i].Add(i);
            for (int j = i + 1; j < n; j++)
                if (Rows.SquaredDistance(X.Row(i), X.Row(j)) <= eps2)
                {
                    neighbors[i].Add(j);
                    neighbors[j].Add(i);
                }
        }
        var isCore = neighbors.Select(list => list.Count >= MinSamples).ToArray();
        var labels = Enumerable.Repeat(-1, n).ToArray();
        int cluster = 0;
        var stack = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            if (labels[i] != -1 || !isCore[i]) continue;
            // Grow a cluster from an unlabelled core sample; only core samples spread it further.
            labels[i] = cluster;
            stack.Push(i);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                if (!isCore[p]) continue;
                foreach (int q in neighbors[p])
                {
                    if (labels[q] != -1) continue;
                    labels[q] = cluster;
                    stack.Push(q);
                }
            }
            cluster++;
        }
        _labels = labels;
        _coreSampleIndices = Enumerable.Range(0, n).Where(i => isCore[i]).ToArray();
        return this;
    }

    /// <summary>Fits and returns the labels.</summary>
    public int[] FitPredict(double[,] X) => Fit(X).Labels;
}

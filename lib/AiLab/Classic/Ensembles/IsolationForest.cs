namespace AiLab.Classic;

/// <summary>
/// Isolation forest (Liu, Ting &amp; Zhou 2008; scikit-learn's <c>IsolationForest</c>): random trees split a
/// random feature at a uniform random threshold until a sample is isolated; anomalies isolate in fewer
/// splits. The anomaly score is s(x) = 2^(−E[h(x)] / c(ψ)) ∈ (0, 1], where h is the path length (plus c(size)
/// for the samples left in a depth-limited leaf), ψ the subsample size and c(n) = 2H(n − 1) − 2(n − 1)/n the
/// average path length of an unsuccessful binary-search-tree lookup.
/// </summary>
public sealed class IsolationForest
{
    private const double EulerGamma = 0.5772156649015329;

    private sealed class IsolationTree
    {
        public readonly List<int> Feature = [];
        public readonly List<double> Threshold = [];
        public readonly List<int> Left = [];
        public readonly List<int> Right = [];
        public readonly List<int> Size = [];
        public readonly List<int> Depth = [];
    }

    private List<IsolationTree>? _trees;
    private int _maxSamples, _features;

    /// <summary>Creates the forest.</summary>
    /// <param name="nEstimators">Number of trees.</param>
    /// <param name="maxSamples">Rows drawn (without replacement) per tree; null = min(256, n).</param>
    /// <param name="contamination">Expected outlier fraction used to place <see cref="Offset"/>; null = scikit-learn's
    /// "auto" (offset −0.5, i.e. outlier when s(x) &gt; 0.5).</param>
    /// <param name="seed">Seed of the subsamples, features and thresholds.</param>
    public IsolationForest(int nEstimators = 100, int? maxSamples = null, double? contamination = null, int seed = 0)
    {
        Guard.AtLeast(nEstimators, 1, nameof(nEstimators));
        if (maxSamples is { } m) Guard.AtLeast(m, 1, nameof(maxSamples));
        if (contamination is { } c) Guard.InRange(c, 0, 0.5, nameof(contamination));
        (NEstimators, MaxSamples, Contamination, Seed) = (nEstimators, maxSamples, contamination, seed);
    }

    /// <summary>Number of trees.</summary>
    public int NEstimators { get; }
    /// <summary>Subsample size per tree (null = min(256, n)).</summary>
    public int? MaxSamples { get; }
    /// <summary>Expected outlier fraction (null = auto).</summary>
    public double? Contamination { get; }
    /// <summary>Seed.</summary>
    public int Seed { get; }
    /// <summary>Threshold on <see cref="ScoreSamples"/>: rows scoring below it are outliers.</summary>
    public double Offset { get; private set; }

    /// <summary>Grows the forest on X. Returns this.</summary>
    public IsolationForest Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0);
        _maxSamples = Math.Min(MaxSamples ?? 256, n);
        _features = X.GetLength(1);
        int depthLimit = (int)Math.Ceiling(Math.Log2(Math.Max(_maxSamples, 2)));
        var rng = new Random(Seed);
        _trees = [];
        for (int t = 0; t < NEstimators; t++)
            _trees.Add(Grow(X, rng.SampleWithoutReplacement(n, _maxSamples), depthLimit, rng));
        Offset = Contamination is { } c ? Metrics.Statistics.Percentile(ScoreSamples(X), 100 * c) : -0.5;
        return this;
    }

    /// <summary>Anomaly score s(x) ∈ (0, 1]: near 1 = anomalous, well below 0.5 = normal.</summary>
    public double[] AnomalyScore(double[,] X)
    {
        var trees = Guard.Fitted(_trees, nameof(IsolationForest));
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, _features, nameof(X), nameof(IsolationForest));
        double normalizer = AveragePathLength(_maxSamples);
        var scores = new double[X.GetLength(0)];
        for (int i = 0; i < scores.Length; i++)
        {
            var row = X.Row(i);
            double depth = 0;
            foreach (var tree in trees) depth += PathLength(tree, row);
            scores[i] = Math.Pow(2, -depth / trees.Count / normalizer);
        }
        return scores;
    }

    /// <summary>−s(x) (scikit-learn's <c>score_samples</c>: the lower, the more abnormal).</summary>
    public double[] ScoreSamples(double[,] X) => AnomalyScore(X).Select(s => -s).ToArray();

    /// <summary><see cref="ScoreSamples"/> − <see cref="Offset"/>: negative for outliers.</summary>
    public double[] DecisionFunction(double[,] X) => ScoreSamples(X).Select(s => s - Offset).ToArray();

    /// <summary>+1 for inliers, −1 for outliers (scikit-learn's convention).</summary>
    public int[] Predict(double[,] X) => DecisionFunction(X).Select(v => v < 0 ? -1 : 1).ToArray();

    /// <summary>Fits and predicts the training rows.</summary>
    public int[] FitPredict(double[,] X) => Fit(X).Predict(X);

    /// <summary>c(n): average path length of an unsuccessful search in a binary search tree of n nodes.</summary>
    internal static double AveragePathLength(int n) => n switch
    {
        <= 1 => 0.0,
        2 => 1.0,
        _ => 2.0 * (Math.Log(n - 1.0) + EulerGamma) - 2.0 * (n - 1.0) / n,
    };

    private static double PathLength(IsolationTree tree, ReadOnlySpan<double> row)
    {
        int node = 0;
        while (tree.Left[node] >= 0) node = row[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
        return tree.Depth[node] + AveragePathLength(tree.Size[node]);
    }

    private IsolationTree Grow(double[,] x, int[] rows, int depthLimit, Random rng)
    {
        var tree = new IsolationTree();
        var stack = new Stack<(int[] Rows, int Depth, int Parent, bool IsLeft)>();
        stack.Push((rows, 0, -1, false));
        var candidates = new List<int>(_features);
        while (stack.Count > 0)
        {
            var (members, depth, parent, isLeft) = stack.Pop();
            int node = tree.Feature.Count;
            tree.Feature.Add(-1); tree.Threshold.Add(double.NaN); tree.Left.Add(-1); tree.Right.Add(-1);
            tree.Size.Add(members.Length); tree.Depth.Add(depth);
            if (parent >= 0) (isLeft ? tree.Left : tree.Right)[parent] = node;
            if (depth >= depthLimit || members.Length <= 1) continue;

            // A random feature among those that still vary here (none vary: the node cannot be split).
            candidates.Clear();
            for (int j = 0; j < _features; j++)
            {
                double first = x[members[0], j];
                foreach (int i in members) if (x[i, j] != first) { candidates.Add(j); break; }
            }
            if (candidates.Count == 0) continue;
            int feature = candidates[rng.Next(candidates.Count)];
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (int i in members) { min = Math.Min(min, x[i, feature]); max = Math.Max(max, x[i, feature]); }
            double threshold = min + rng.NextDouble() * (max - min);
            if (threshold >= max) threshold = min; // keep both sides non-empty under rounding
            tree.Feature[node] = feature;
            tree.Threshold[node] = threshold;
            stack.Push((members.Where(i => x[i, feature] > threshold).ToArray(), depth + 1, node, false));
            stack.Push((members.Where(i => x[i, feature] <= threshold).ToArray(), depth + 1, node, true));
        }
        return tree;
    }

}

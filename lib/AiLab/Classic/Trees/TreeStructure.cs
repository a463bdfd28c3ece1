namespace AiLab.Classic;

/// <summary>
/// A fitted binary tree as parallel arrays (scikit-learn's <c>tree_</c>). Node 0 is the root; a leaf has
/// <see cref="Left"/> = −1. Samples with x[feature] ≤ threshold go left. Nodes are numbered in pre-order.
/// </summary>
internal sealed class TreeStructure
{
    public List<int> Feature { get; } = [];
    public List<double> Threshold { get; } = [];
    public List<int> Left { get; } = [];
    public List<int> Right { get; } = [];
    /// <summary>Class probabilities (classification) or the mean target (regression, length 1).</summary>
    public List<double[]> Value { get; } = [];
    public List<double> Impurity { get; } = [];
    public List<int> Samples { get; } = [];
    public List<double> WeightedSamples { get; } = [];
    public List<int> Depth { get; } = [];

    public int NodeCount => Feature.Count;

    public bool IsLeaf(int node) => Left[node] < 0;

    public int AddNode(int depth, double impurity, int samples, double weightedSamples, double[] value)
    {
        Feature.Add(-1);
        Threshold.Add(double.NaN);
        Left.Add(-1);
        Right.Add(-1);
        Value.Add(value);
        Impurity.Add(impurity);
        Samples.Add(samples);
        WeightedSamples.Add(weightedSamples);
        Depth.Add(depth);
        return Feature.Count - 1;
    }

    /// <summary>Index of the leaf that <paramref name="row"/> falls into.</summary>
    public int Apply(ReadOnlySpan<double> row)
    {
        int node = 0;
        while (Left[node] >= 0) node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return node;
    }

    /// <summary>Leaf index of every row of <paramref name="x"/>.</summary>
    public int[] Apply(double[,] x)
    {
        var leaves = new int[x.GetLength(0)];
        for (int i = 0; i < leaves.Length; i++) leaves[i] = Apply(x.Row(i));
        return leaves;
    }

    /// <summary>
    /// Impurity decrease per feature, weighted by node weight and divided by the root weight; with
    /// <paramref name="normalize"/>, scaled to sum 1 (scikit-learn's <c>compute_feature_importances</c>).
    /// </summary>
    public double[] FeatureImportances(int features, bool normalize = true)
    {
        var importance = new double[features];
        for (int node = 0; node < NodeCount; node++)
        {
            if (IsLeaf(node)) continue;
            int l = Left[node], r = Right[node];
            importance[Feature[node]] += WeightedSamples[node] * Impurity[node]
                - WeightedSamples[l] * Impurity[l] - WeightedSamples[r] * Impurity[r];
        }
        double total = normalize ? importance.Sum() : WeightedSamples[0];
        if (total > 0) for (int j = 0; j < features; j++) importance[j] /= total;
        return importance;
    }

    /// <summary>Depth of the deepest leaf (a single-leaf tree has depth 0).</summary>
    public int MaxDepth => Depth.Max();

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Left.Count(l => l < 0);
}

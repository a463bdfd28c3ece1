using System.Globalization;

namespace AiLab.Classic;

/// <summary>
/// CART regression tree with the squared-error criterion (scikit-learn's <c>DecisionTreeRegressor</c>).
/// Leaves predict the weighted mean target of their training samples.
/// </summary>
/// <param name="maxDepth">Maximum depth (null = unlimited).</param>
/// <param name="minSamplesSplit">Minimum samples to split a node (≥ 2).</param>
/// <param name="minSamplesLeaf">Minimum samples per leaf (≥ 1).</param>
/// <param name="maxFeatures">Features drawn at random per node (null = all).</param>
/// <param name="minImpurityDecrease">Minimum weighted impurity decrease for a split.</param>
/// <param name="seed">Seed for the feature draws.</param>
public sealed class DecisionTreeRegressor(
    int? maxDepth = null,
    int minSamplesSplit = 2,
    int minSamplesLeaf = 1,
    int? maxFeatures = null,
    double minImpurityDecrease = 0.0,
    int seed = 0) : DecisionTree(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, seed)
{
    /// <summary>A decision stump: a depth-1 regression tree.</summary>
    public static DecisionTreeRegressor Stump() => new(maxDepth: 1);

    /// <summary>Fits on X (n × d) and targets y, optionally with sample weights. Returns this.</summary>
    public DecisionTreeRegressor Fit(double[,] X, double[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        return Fit(ColumnOrder.Of(X), y, sampleWeight);
    }

    /// <summary>Fit on presorted data (ensembles sort X once for all their trees).</summary>
    internal DecisionTreeRegressor Fit(ColumnOrder X, double[] y, double[]? sampleWeight)
    {
        Guard.Vector(y, X.Rows, nameof(y), "X's rows");
        var w = Guard.SampleWeights(sampleWeight, y.Length);
        NFeaturesIn = X.Columns.Length;
        _tree = Grow(X, new RegressionSplitCriterion(y, w), w);
        return this;
    }

    /// <summary>Mean target of the leaf each row lands in.</summary>
    public double[] Predict(double[,] X)
    {
        var leaves = Apply(X);
        return leaves.Select(leaf => Tree.Value[leaf][0]).ToArray();
    }

    /// <summary>R² of the predictions on (X, y).</summary>
    public double Score(double[,] X, double[] y) => Scoring.R2(y, Predict(X));

    /// <summary>Overwrites the value of a leaf (gradient boosting's line-search step).</summary>
    internal void SetLeafValue(int leaf, double value) => Tree.Value[leaf][0] = value;

    /// <summary>Number of training samples (with positive weight) that reached each node.</summary>
    internal IReadOnlyList<int> NodeSamples => Tree.Samples;

    private protected override string LeafText(double[] value, string format) =>
        "value: [" + value[0].ToString(format, CultureInfo.InvariantCulture) + "]";
}

using System.Globalization;

namespace AiLab.Classic;

/// <summary>Split quality for classification trees.</summary>
public enum ClassificationCriterion
{
    /// <summary>Gini impurity 1 − Σ pₖ².</summary>
    Gini,
    /// <summary>Entropy −Σ pₖ log₂ pₖ (information gain).</summary>
    Entropy,
}

/// <summary>
/// CART classification tree (scikit-learn's <c>DecisionTreeClassifier</c>). Leaves hold the weighted class
/// distribution of their training samples; <see cref="DecisionTreeClassifier.Stump"/> builds a depth-1 tree.
/// </summary>
/// <param name="criterion">Impurity measure.</param>
/// <param name="maxDepth">Maximum depth (null = unlimited).</param>
/// <param name="minSamplesSplit">Minimum samples to split a node (≥ 2).</param>
/// <param name="minSamplesLeaf">Minimum samples per leaf (≥ 1).</param>
/// <param name="maxFeatures">Features drawn at random per node (null = all).</param>
/// <param name="minImpurityDecrease">Minimum weighted impurity decrease for a split.</param>
/// <param name="classWeight">Optional per-class weights.</param>
/// <param name="seed">Seed for the feature draws.</param>
public sealed class DecisionTreeClassifier(
    ClassificationCriterion criterion = ClassificationCriterion.Gini,
    int? maxDepth = null,
    int minSamplesSplit = 2,
    int minSamplesLeaf = 1,
    int? maxFeatures = null,
    double minImpurityDecrease = 0.0,
    ClassWeight? classWeight = null,
    int seed = 0) : DecisionTree(maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, seed), IClassifier
{
    private ClassEncoding? _encoding;

    /// <summary>A decision stump: a depth-1 tree (one split).</summary>
    public static DecisionTreeClassifier Stump(ClassificationCriterion criterion = ClassificationCriterion.Gini) => new(criterion, maxDepth: 1);

    /// <summary>Impurity measure.</summary>
    public ClassificationCriterion Criterion { get; } = criterion;

    /// <summary>Per-class weights, if any.</summary>
    public ClassWeight? ClassWeight { get; } = classWeight;

    /// <summary>Sorted class labels; columns of <see cref="PredictProba"/> follow this order.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(DecisionTreeClassifier)).Classes;

    /// <summary>Fits on X (n × d) and labels y, optionally with sample weights. Returns this.</summary>
    public DecisionTreeClassifier Fit(double[,] X, int[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        return Fit(ColumnOrder.Of(X), y, sampleWeight);
    }

    /// <summary>Fit on presorted data (ensembles sort X once for all their trees).</summary>
    internal DecisionTreeClassifier Fit(ColumnOrder X, int[] y, double[]? sampleWeight)
    {
        Guard.Labels(y, X.Rows, nameof(y), "X's rows");
        var encoding = new ClassEncoding(y);
        var codes = encoding.Encode(y);
        var w = Guard.SampleWeights(sampleWeight, y.Length);
        if (ClassWeight is not null) w = ClassWeight.Apply(w, encoding.Classes, codes);
        _encoding = encoding;
        NFeaturesIn = X.Columns.Length;
        _tree = Grow(X, new ClassificationSplitCriterion(codes, w, encoding.Count, Criterion == ClassificationCriterion.Entropy), w);
        return this;
    }

    /// <summary>Class probabilities (the leaf's weighted class distribution), n × K.</summary>
    public double[,] PredictProba(double[,] X)
    {
        var leaves = Apply(X);
        var p = new double[leaves.Length, Classes.Length];
        for (int i = 0; i < leaves.Length; i++) Tree.Value[leaves[i]].CopyTo(p.Row(i));
        return p;
    }

    /// <summary>Most probable class per row (lowest label on ties).</summary>
    public int[] Predict(double[,] X) => Guard.Fitted(_encoding, nameof(DecisionTreeClassifier)).DecodeArgMax(PredictProba(X));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    private protected override string LeafText(double[] value, string format) =>
        "class: " + Classes[Rows.ArgMax(value)].ToString(CultureInfo.InvariantCulture);
}

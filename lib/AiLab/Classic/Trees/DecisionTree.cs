using System.Globalization;
using System.Text;

namespace AiLab.Classic;

/// <summary>
/// Shared hyper-parameters and fitted structure of <see cref="DecisionTreeClassifier"/> and
/// <see cref="DecisionTreeRegressor"/> (CART, binary splits x[feature] ≤ threshold).
/// </summary>
public abstract class DecisionTree
{
    private protected TreeStructure? _tree;

    private protected DecisionTree(int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, int seed)
    {
        if (maxDepth is { } depth) Guard.AtLeast(depth, 0, nameof(maxDepth));
        Guard.AtLeast(minSamplesSplit, 2, nameof(minSamplesSplit));
        Guard.AtLeast(minSamplesLeaf, 1, nameof(minSamplesLeaf));
        if (maxFeatures is { } m) Guard.AtLeast(m, 1, nameof(maxFeatures));
        Guard.NonNegative(minImpurityDecrease, nameof(minImpurityDecrease));
        (MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, Seed) =
            (maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, minImpurityDecrease, seed);
    }

    /// <summary>Maximum depth (null = grow until leaves are pure or too small).</summary>
    public int? MaxDepth { get; }
    /// <summary>Minimum samples a node needs to be split.</summary>
    public int MinSamplesSplit { get; }
    /// <summary>Minimum samples in each leaf.</summary>
    public int MinSamplesLeaf { get; }
    /// <summary>Features drawn at random per node (null = all).</summary>
    public int? MaxFeatures { get; }
    /// <summary>A split must decrease the weighted impurity by at least this much.</summary>
    public double MinImpurityDecrease { get; }
    /// <summary>Seed of the per-node feature draws.</summary>
    public int Seed { get; }

    /// <summary>Number of features seen in fit.</summary>
    public int NFeaturesIn { get; private protected set; }

    /// <summary>Impurity decrease per feature divided by the root weight, not normalized (what ensembles average).</summary>
    internal double[] UnnormalizedFeatureImportances => Tree.FeatureImportances(NFeaturesIn, normalize: false);

    private protected TreeStructure Tree => Guard.Fitted(_tree, GetType().Name);

    /// <summary>Normalized total impurity decrease contributed by each feature (sums to 1 unless the tree is a single leaf).</summary>
    public double[] FeatureImportances => Tree.FeatureImportances(NFeaturesIn);

    /// <summary>Depth of the fitted tree (0 for a single leaf).</summary>
    public int Depth => Tree.MaxDepth;

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Tree.NodeCount;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>Index of the leaf each row lands in (scikit-learn's <c>apply</c>).</summary>
    public int[] Apply(double[,] X) => Tree.Apply(CheckInput(X));

    /// <summary>The tree as indented text, like scikit-learn's <c>export_text</c>.</summary>
    public string ExportText(string[]? featureNames = null, int decimals = 2)
    {
        var tree = Tree;
        if (featureNames is not null && featureNames.Length != NFeaturesIn)
            throw new ArgumentException($"featureNames has {featureNames.Length} names but the tree has {NFeaturesIn} features.", nameof(featureNames));
        var text = new StringBuilder();
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        void Write(int node, int depth)
        {
            string indent = string.Concat(Enumerable.Repeat("|   ", depth)) + "|--- ";
            if (tree.IsLeaf(node))
            {
                text.Append(indent).AppendLine(LeafText(tree.Value[node], format));
                return;
            }
            string name = featureNames?[tree.Feature[node]] ?? $"feature_{tree.Feature[node]}";
            string threshold = tree.Threshold[node].ToString(format, CultureInfo.InvariantCulture);
            text.Append(indent).AppendLine($"{name} <= {threshold}");
            Write(tree.Left[node], depth + 1);
            text.Append(indent).AppendLine($"{name} >  {threshold}");
            Write(tree.Right[node], depth + 1);
        }
        Write(0, 0);
        return text.ToString();
    }

    /// <summary>How a leaf's value reads in <see cref="ExportText"/>.</summary>
    private protected abstract string LeafText(double[] value, string format);

    private protected double[,] CheckInput(double[,] X)
    {
        _ = Tree;
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, NFeaturesIn, nameof(X), GetType().Name);
        return X;
    }

    private protected TreeStructure Grow(ColumnOrder data, SplitCriterion criterion, double[] weights) =>
        new TreeBuilder(MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures, MinImpurityDecrease, new Random(Seed))
            .Build(data, criterion, weights);
}

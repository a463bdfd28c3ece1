using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// Tabular classification data: an n × d feature matrix, n class labels in 0..k−1, and their names.
/// </summary>
/// <remarks>Plain arrays, so any consumer can use them; <see cref="X"/> and <see cref="y"/> give them as tensors.</remarks>
public sealed class ClassificationDataset
{
    /// <summary>Checks that the shapes agree and every label names a class.</summary>
    public ClassificationDataset(string name, double[,] features, int[] labels,
        IReadOnlyList<string> featureNames, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        DatasetChecks.SameCount(features.GetLength(0), labels.Length, nameof(labels));
        DatasetChecks.Names(featureNames, features.GetLength(1), nameof(featureNames));
        DatasetChecks.Labels(labels, classNames);
        Name = name;
        Features = features;
        Labels = labels;
        FeatureNames = featureNames;
        ClassNames = classNames;
    }

    /// <summary>The dataset's name, e.g. "breast_cancer".</summary>
    public string Name { get; }

    /// <summary>Features, n samples × d features.</summary>
    public double[,] Features { get; }

    /// <summary>Class of each sample, an index into <see cref="ClassNames"/>.</summary>
    public int[] Labels { get; }

    /// <summary>Name of each feature column.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Name of each class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The features as a new float32 tensor, n × d, on the CPU (dispose it, or create it in a dispose scope).</summary>
    public Tensor X => torch.tensor(Features, dtype: torch.float32);

    /// <summary>The labels as a new int64 tensor of length n, the dtype cross-entropy expects.</summary>
    public Tensor y => torch.tensor(Labels, dtype: torch.int64);

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of features.</summary>
    public int FeatureCount => Features.GetLength(1);

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>How many samples each class has.</summary>
    public int[] ClassCounts() => DatasetChecks.CountLabels(Labels, ClassCount);

    /// <summary>The samples at <paramref name="indices"/> (e.g. <see cref="SplitIndices.Train"/>), in that order.</summary>
    public ClassificationDataset Subset(IReadOnlyList<int> indices) =>
        new(Name, Features.TakeRows(indices), Labels.TakeRows(indices), FeatureNames, ClassNames);

    /// <summary>
    /// The dataset as a <see cref="DataFrame"/> to show a reader (<c>Head()</c>, <c>Describe()</c>, <c>Info()</c>): one
    /// double column per feature, named as <see cref="FeatureNames"/>, then a string column "target" holding each
    /// sample's class name. A copy: changing it leaves the dataset as it is.
    /// </summary>
    public DataFrame ToDataFrame() =>
        new([.. FeatureNames.Select((feature, j) => (DataFrameColumn)new DoubleDataFrameColumn(feature, Features.GetColumn(j))),
            new StringDataFrameColumn("target", Labels.Select(label => ClassNames[label]))]);

    /// <summary>
    /// A dataset from a <see cref="DataFrame"/>: the numeric <paramref name="featureColumns"/> (every numeric column
    /// but the target when none are named) as features, and the string column <paramref name="targetColumn"/> as
    /// classes, numbered in ordinal order of their names (as <see cref="LabelEncoder"/> does).
    /// </summary>
    /// <exception cref="ArgumentException">A column is unknown or has missing values (drop or impute them first).</exception>
    /// <exception cref="InvalidOperationException">A feature is not numeric, or the target does not hold strings.</exception>
    public static ClassificationDataset FromDataFrame(string name, DataFrame frame, string targetColumn, params string[] featureColumns)
    {
        var (features, names) = DataFrameExtensions.CompleteFeatures(frame, targetColumn, featureColumns);
        var encoder = new LabelEncoder();
        int[] labels = encoder.FitTransform(frame[targetColumn].ToStringArray());
        return new ClassificationDataset(name, features, labels, names, [.. encoder.Classes]);
    }
}

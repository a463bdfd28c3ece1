using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>Tabular regression data: an n × d feature matrix and n real targets.</summary>
public sealed class RegressionDataset
{
    /// <summary>Checks that the shapes agree.</summary>
    public RegressionDataset(string name, double[,] features, double[] targets,
        IReadOnlyList<string> featureNames, string targetName)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        DatasetChecks.SameCount(features.GetLength(0), targets.Length, nameof(targets));
        DatasetChecks.Names(featureNames, features.GetLength(1), nameof(featureNames));
        Name = name;
        Features = features;
        Targets = targets;
        FeatureNames = featureNames;
        TargetName = targetName;
    }

    /// <summary>The dataset's name, e.g. "diabetes".</summary>
    public string Name { get; }

    /// <summary>Features, n samples × d features.</summary>
    public double[,] Features { get; }

    /// <summary>Target of each sample.</summary>
    public double[] Targets { get; }

    /// <summary>Name of each feature column.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Name of the target.</summary>
    public string TargetName { get; }

    /// <summary>The features as a new float32 tensor, n × d, on the CPU (dispose it, or create it in a dispose scope).</summary>
    public Tensor X => torch.tensor(Features, dtype: torch.float32);

    /// <summary>The targets as a new float32 tensor of length n.</summary>
    public Tensor y => torch.tensor(Targets, dtype: torch.float32);

    /// <summary>Number of samples.</summary>
    public int Count => Targets.Length;

    /// <summary>Number of features.</summary>
    public int FeatureCount => Features.GetLength(1);

    /// <summary>The samples at <paramref name="indices"/>, in that order.</summary>
    public RegressionDataset Subset(IReadOnlyList<int> indices) =>
        new(Name, Features.TakeRows(indices), Targets.TakeRows(indices), FeatureNames, TargetName);

    /// <summary>
    /// The dataset as a <see cref="DataFrame"/> to show a reader: one double column per feature, named as
    /// <see cref="FeatureNames"/>, then the target as a double column named <see cref="TargetName"/>. A copy.
    /// </summary>
    public DataFrame ToDataFrame() =>
        new([.. FeatureNames.Select((feature, j) => (DataFrameColumn)new DoubleDataFrameColumn(feature, Features.GetColumn(j))),
            new DoubleDataFrameColumn(TargetName, Targets)]);

    /// <summary>
    /// A dataset from a <see cref="DataFrame"/>: the numeric <paramref name="featureColumns"/> (every numeric column
    /// but the target when none are named) as features, and the numeric column <paramref name="targetColumn"/> as
    /// the target.
    /// </summary>
    /// <exception cref="ArgumentException">A column is unknown or has missing values (drop or impute them first).</exception>
    /// <exception cref="InvalidOperationException">A feature or the target is not numeric.</exception>
    public static RegressionDataset FromDataFrame(string name, DataFrame frame, string targetColumn, params string[] featureColumns)
    {
        var (features, names) = DataFrameExtensions.CompleteFeatures(frame, targetColumn, featureColumns);
        return new RegressionDataset(name, features, frame[targetColumn].ToDoubleArray(), names, targetColumn);
    }
}

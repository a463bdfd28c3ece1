namespace AiLab.Explain;

/// <summary>
/// Permutation importances: how much the score drops when one feature's column is shuffled, breaking its
/// link with the target while keeping its distribution.
/// </summary>
/// <param name="BaselineScore">Score on the unshuffled data.</param>
/// <param name="ImportancesMean">Mean drop per feature over the repeats.</param>
/// <param name="ImportancesStd">Population standard deviation of the drop over the repeats (as scikit-learn).</param>
/// <param name="Importances">Every drop, d × nRepeats.</param>
/// <param name="FeatureNames">d feature names.</param>
public sealed record PermutationImportanceResult(double BaselineScore, double[] ImportancesMean, double[] ImportancesStd, double[,] Importances, string[] FeatureNames)
{
    /// <summary>Feature indices ordered by decreasing mean importance.</summary>
    public int[] FeatureOrder() => Enumerable.Range(0, ImportancesMean.Length).OrderByDescending(j => ImportancesMean[j]).ToArray();
}

using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// Shapley attributions for n explained rows: prediction(i) = <see cref="BaseValue"/> + Σⱼ Values[i, j]
/// (efficiency). Carries everything the SHAP bar, beeswarm and waterfall charts need.
/// </summary>
/// <param name="BaseValue">E[f] over the background set (the prediction with no feature known).</param>
/// <param name="Values">φ, n × d: each feature's contribution to each row's prediction.</param>
/// <param name="Data">The explained rows' feature values, n × d (colours the beeswarm).</param>
/// <param name="FeatureNames">d feature names.</param>
public sealed record ShapExplanation(double BaseValue, double[,] Values, double[,] Data, string[] FeatureNames)
{
    /// <summary>Number of explained rows.</summary>
    public int Rows => Values.GetLength(0);

    /// <summary>Number of features.</summary>
    public int Features => Values.GetLength(1);

    /// <summary>Mean |φ| per feature over the rows (the global importance of a SHAP bar chart).</summary>
    public double[] MeanAbsoluteValues()
    {
        var mean = new double[Features];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Features; j++) mean[j] += Math.Abs(Values[i, j]) / Rows;
        return mean;
    }

    /// <summary>φ of one row.</summary>
    public double[] RowValues(int row) => Values.RowCopy(row);

    /// <summary>Σⱼ φ of one row (= f(x) − E[f] by efficiency).</summary>
    public double SumOfValues(int row) => Values.Row(row).ToArray().Sum();

    /// <summary>The model output the attributions add up to: <see cref="BaseValue"/> + Σⱼ φ.</summary>
    public double Prediction(int row) => BaseValue + SumOfValues(row);

    /// <summary>Feature indices ordered by decreasing mean |φ|.</summary>
    public int[] FeatureOrder()
    {
        var importance = MeanAbsoluteValues();
        return Enumerable.Range(0, Features).OrderByDescending(j => importance[j]).ToArray();
    }
}

namespace AiLab.Metrics;

/// <summary>Regression metrics with scikit-learn's semantics (<c>sklearn.metrics</c>, version 1.2).</summary>
public static partial class Regression
{
    /// <summary>Mean squared error mean (y − ŷ)², as <c>mean_squared_error</c>.</summary>
    /// <param name="yTrue">True targets, finite.</param>
    /// <param name="yPred">Predictions, same length, finite.</param>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        double total = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double error = yTrue[i] - yPred[i];
            total += error * error;
        }
        return total / yTrue.Length;
    }

    /// <summary>Root mean squared error √MSE, in the units of the target (<c>mean_squared_error(squared=False)</c>).</summary>
    /// <param name="yTrue">True targets, finite.</param>
    /// <param name="yPred">Predictions, same length, finite.</param>
    public static double RootMeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred));

    /// <summary>Mean absolute error mean |y − ŷ|, as <c>mean_absolute_error</c>.</summary>
    /// <param name="yTrue">True targets, finite.</param>
    /// <param name="yPred">Predictions, same length, finite.</param>
    public static double MeanAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        double total = 0;
        for (int i = 0; i < yTrue.Length; i++)
            total += Math.Abs(yTrue[i] - yPred[i]);
        return total / yTrue.Length;
    }

    /// <summary>
    /// Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as <c>r2_score</c>: 1 is perfect, 0 is no better than
    /// predicting the mean, and it can be negative. With fewer than two samples it is NaN. For a constant target
    /// (zero denominator), <paramref name="forceFinite"/> gives 1 for exact predictions and 0 otherwise, as scikit-learn's
    /// default does; without it the result is NaN or −∞.
    /// </summary>
    /// <param name="yTrue">True targets, finite.</param>
    /// <param name="yPred">Predictions, same length, finite.</param>
    /// <param name="forceFinite">Replace the undefined values of a constant target by 1 or 0 (scikit-learn's <c>force_finite</c>).</param>
    public static double R2Score(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, bool forceFinite = true)
    {
        Check(yTrue, yPred);
        if (yTrue.Length < 2)
            return double.NaN;
        double mean = 0;
        foreach (double y in yTrue)
            mean += y;
        mean /= yTrue.Length;
        double residual = 0, total = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            residual += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            total += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        if (!forceFinite || (residual != 0 && total != 0))
            return 1 - residual / total;
        return residual == 0 ? 1.0 : 0.0;
    }

    private static void Check(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        MetricArguments.Finite(yTrue, nameof(yTrue));
        MetricArguments.Finite(yPred, nameof(yPred));
    }
}

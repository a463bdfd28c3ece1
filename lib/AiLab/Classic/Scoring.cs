namespace AiLab.Classic;

/// <summary>
/// The default <c>Score</c> of the estimators: R² for regressors, accuracy for classifiers
/// (the Metrics namespace has the full set; these keep Classic self-contained).
/// </summary>
internal static class Scoring
{
    /// <summary>Coefficient of determination 1 − SS_res / SS_tot.</summary>
    public static double R2(double[] y, double[] predicted)
    {
        Guard.Vector(y, predicted.Length, nameof(y), "X's rows");
        double mean = y.Average(), residual = 0, total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return 1.0 - residual / total;
    }

    /// <summary>Fraction of labels predicted exactly.</summary>
    public static double Accuracy(int[] y, int[] predicted)
    {
        Guard.Labels(y, predicted.Length, nameof(y), "X's rows");
        int correct = 0;
        for (int i = 0; i < y.Length; i++) if (y[i] == predicted[i]) correct++;
        return correct / (double)y.Length;
    }
}

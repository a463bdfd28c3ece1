namespace AiLab.Metrics;

/// <summary>
/// A precision–recall curve: (Recall[i], Precision[i]) is reached by predicting positive when score ≥ Thresholds[i];
/// the final point (recall 0, precision 1) has no threshold.
/// </summary>
/// <param name="Precision">Precision per threshold, then 1.</param>
/// <param name="Recall">Recall per threshold (decreasing), then 0.</param>
/// <param name="Thresholds">The distinct scores, increasing (one fewer than the points).</param>
public sealed record PrecisionRecallCurveResult(double[] Precision, double[] Recall, double[] Thresholds);

public static partial class Classification
{
    /// <summary>
    /// Precision–recall pairs for every distinct score, as <c>sklearn.metrics.precision_recall_curve</c> (1.2). When
    /// y_true holds no positive, recall is set to 1 at every threshold (scikit-learn's convention, with a warning there).
    /// </summary>
    /// <param name="yTrue">True labels; see <paramref name="posLabel"/>.</param>
    /// <param name="probasPred">Scores of the positive class, finite.</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    public static PrecisionRecallCurveResult PrecisionRecallCurve(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> probasPred, int? posLabel = null)
    {
        var counts = ThresholdCounts.Compute(yTrue, probasPred, posLabel);
        int n = counts.Count;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Reverse so that thresholds increase and recall decreases, as scikit-learn returns them.
            int k = n - 1 - i;
            double tp = counts.TruePositives[k], predicted = tp + counts.FalsePositives[k];
            precision[i] = predicted == 0 ? 0 : tp / predicted;
            recall[i] = counts.TotalPositives == 0 ? 1 : tp / counts.TotalPositives;
            thresholds[i] = counts.Thresholds[k];
        }
        precision[n] = 1;
        recall[n] = 0;
        return new PrecisionRecallCurveResult(precision, recall, thresholds);
    }

    /// <summary>
    /// Average precision, as <c>average_precision_score</c>: AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the thresholds, a step-wise
    /// sum with no interpolation (so it is not the trapezoidal area under the PR curve). 0 when y_true has no positive.
    /// </summary>
    /// <param name="yTrue">True labels; see <paramref name="posLabel"/>.</param>
    /// <param name="yScore">Scores of the positive class, finite.</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    public static double AveragePrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null)
    {
        var curve = PrecisionRecallCurve(yTrue, yScore, posLabel);
        double sum = 0;
        for (int i = 0; i < curve.Thresholds.Length; i++)
            sum += (curve.Recall[i] - curve.Recall[i + 1]) * curve.Precision[i];
        return sum;
    }
}

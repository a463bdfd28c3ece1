namespace AiLab.Metrics;

/// <summary>A ROC curve: the point (Fpr[i], Tpr[i]) is reached by predicting positive when score ≥ Thresholds[i].</summary>
/// <param name="Fpr">False positive rates, increasing from 0 to 1.</param>
/// <param name="Tpr">True positive rates, increasing from 0 to 1.</param>
/// <param name="Thresholds">Decreasing thresholds; Thresholds[0] = max(score) + 1 stands for "predict nothing positive".</param>
public sealed record RocCurveResult(double[] Fpr, double[] Tpr, double[] Thresholds);

public static partial class Classification
{
    /// <summary>
    /// Receiver operating characteristic curve, as <c>sklearn.metrics.roc_curve</c> (1.2): one point per distinct
    /// score plus the origin, whose threshold is max(score) + 1 (scikit-learn ≥ 1.3 writes +∞ there; a finite value
    /// keeps the curve JSON-serializable). With <paramref name="dropIntermediate"/> the points that lie inside a
    /// straight horizontal, vertical or diagonal run are dropped (those whose second differences of both counts are 0):
    /// the plotted curve and its area do not change. When y_true holds only one class the undefined rate is all NaN.
    /// </summary>
    /// <param name="yTrue">True labels; see <paramref name="posLabel"/>.</param>
    /// <param name="yScore">Scores, higher meaning more positive (probabilities or decision values), finite.</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    /// <param name="dropIntermediate">Drop collinear points that do not change the plotted curve.</param>
    public static RocCurveResult RocCurve(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null, bool dropIntermediate = true)
    {
        var counts = ThresholdCounts.Compute(yTrue, yScore, posLabel);
        var keep = Enumerable.Range(0, counts.Count);
        if (dropIntermediate && counts.Count > 2)
            keep = keep.Where(i => i == 0 || i == counts.Count - 1 || IsCorner(counts.FalsePositives, i) || IsCorner(counts.TruePositives, i));
        int[] kept = [.. keep];

        double[] fps = [0, .. kept.Select(i => counts.FalsePositives[i])];
        double[] tps = [0, .. kept.Select(i => counts.TruePositives[i])];
        double[] thresholds = [counts.Thresholds[0] + 1, .. kept.Select(i => counts.Thresholds[i])];
        return new RocCurveResult(Rates(fps), Rates(tps), thresholds);
    }

    /// <summary>
    /// Area under the ROC curve for binary labels, as <c>roc_auc_score</c>: the probability that a random positive
    /// scores above a random negative, with ties counted as one half. Throws when <paramref name="yTrue"/> holds only one
    /// class (the AUC is undefined), as scikit-learn does.
    /// </summary>
    /// <param name="yTrue">True labels, both classes present; with <paramref name="posLabel"/> every other label counts as negative.</param>
    /// <param name="yScore">Scores of the positive class, finite.</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    public static double RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel = null)
    {
        var counts = ThresholdCounts.Compute(yTrue, yScore, posLabel);
        if (counts.TotalPositives == 0 || counts.TotalNegatives == 0)
            throw new ArgumentException("only one class is present; the ROC AUC is not defined in that case.", nameof(yTrue));
        var curve = RocCurve(yTrue, yScore, posLabel);
        return Auc(curve.Fpr, curve.Tpr);
    }

    /// <summary>
    /// Multiclass one-vs-rest ROC AUC, as <c>roc_auc_score(multi_class="ovr")</c>: the AUC of each class against the
    /// rest, averaged (<see cref="Average.Macro"/>) or weighted by class prevalence (<see cref="Average.Weighted"/>).
    /// </summary>
    /// <param name="yTrue">True classes 0..K−1, each of which must occur.</param>
    /// <param name="yScore">Probabilities, n × K, each row summing to 1 (tolerance as NumPy's <c>allclose</c>).</param>
    /// <param name="average"><see cref="Average.Macro"/> or <see cref="Average.Weighted"/>.</param>
    public static double RocAuc(ReadOnlySpan<int> yTrue, double[,] yScore, Average average = Average.Macro)
    {
        int n = yScore.GetLength(0), classes = yScore.GetLength(1);
        MetricArguments.Paired(yTrue.Length, n, nameof(yTrue), nameof(yScore));
        MetricArguments.Finite(yScore, nameof(yScore));
        if (average is not (Average.Macro or Average.Weighted))
            throw new ArgumentOutOfRangeException(nameof(average), average, "one-vs-rest ROC AUC supports Macro or Weighted.");
        if (classes < 3)
            throw new ArgumentException($"has {classes} columns; use the binary RocAuc with the positive column for two classes.", nameof(yScore));
        for (int i = 0; i < n; i++)
        {
            double rowSum = 0;
            for (int c = 0; c < classes; c++)
                rowSum += yScore[i, c];
            if (Math.Abs(rowSum - 1) > 1e-8 + 1e-5 * Math.Abs(rowSum))
                throw new ArgumentException($"row {i} sums to {rowSum}; multiclass ROC AUC needs probabilities that sum to 1 over classes.", nameof(yScore));
        }
        int[] present = BinaryTargets.Distinct(yTrue);
        if (present.Length != classes || present[0] != 0 || present[^1] != classes - 1)
            throw new ArgumentException($"must contain every class 0..{classes - 1} (one per column of yScore); it holds {{{string.Join(", ", present)}}}.", nameof(yTrue));

        double total = 0, totalWeight = 0;
        var column = new double[n];
        for (int c = 0; c < classes; c++)
        {
            int prevalence = 0;
            for (int i = 0; i < n; i++)
            {
                column[i] = yScore[i, c];
                if (yTrue[i] == c)
                    prevalence++;
            }
            double weight = average == Average.Weighted ? prevalence : 1.0;
            total += weight * RocAuc(yTrue, column, posLabel: c);
            totalWeight += weight;
        }
        return total / totalWeight;
    }

    /// <summary>Area under a curve by the trapezoidal rule, as <c>sklearn.metrics.auc</c>; x must be monotonic (either direction).</summary>
    /// <param name="x">Abscissae, non-decreasing or non-increasing, at least two points.</param>
    /// <param name="y">Ordinates, same length.</param>
    public static double Auc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        MetricArguments.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        if (x.Length < 2)
            throw new ArgumentException($"has {x.Length} points; at least 2 are needed to compute an area.", nameof(x));
        bool increasing = true, decreasing = true;
        for (int i = 1; i < x.Length; i++)
        {
            increasing &= x[i] >= x[i - 1];
            decreasing &= x[i] <= x[i - 1];
        }
        if (!increasing && !decreasing)
            throw new ArgumentException("is neither increasing nor decreasing.", nameof(x));
        double area = 0;
        for (int i = 1; i < x.Length; i++)
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        return decreasing && !increasing ? -area : area;
    }

    /// <summary>True where the curve bends at point i: a nonzero second difference of the cumulative count.</summary>
    private static bool IsCorner(double[] cumulative, int i) =>
        cumulative[i + 1] - 2 * cumulative[i] + cumulative[i - 1] != 0;

    /// <summary>Counts divided by the last (total) count; all NaN when the total is 0 (the rate is undefined).</summary>
    private static double[] Rates(double[] cumulative)
    {
        double total = cumulative[^1];
        return total <= 0
            ? [.. cumulative.Select(_ => double.NaN)]
            : [.. cumulative.Select(c => c / total)];
    }
}

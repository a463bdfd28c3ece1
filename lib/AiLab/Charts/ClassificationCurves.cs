namespace AiLab.Charts;

/// <summary>
/// The curve arithmetic the classification charts need, computed as scikit-learn computes it
/// (<c>roc_curve(drop_intermediate=False)</c>, <c>precision_recall_curve</c>, <c>auc</c>,
/// <c>average_precision_score</c>): one point per distinct score, so tied scores move together.
/// Kept here, small and internal, so charts do not depend on AiLab.Metrics; the two should agree.
/// </summary>
internal static class ClassificationCurves
{
    /// <summary>ROC points from the origin: false and true positive rates, and the score threshold of each (+∞ first).</summary>
    internal sealed record RocPoints(double[] Fpr, double[] Tpr, double[] Thresholds);

    /// <summary>PR points in scikit-learn's order (recall falling to 0, where precision is 1); thresholds rise and have one fewer entry.</summary>
    internal sealed record PrPoints(double[] Precision, double[] Recall, double[] Thresholds);

    public static RocPoints Roc(int[] labels, double[] scores)
    {
        var (fps, tps, thresholds) = CountsPerThreshold(labels, scores);
        var negatives = fps[^1];
        var positives = tps[^1];
        if (negatives == 0 || positives == 0)
            throw new ArgumentException($"A ROC curve needs both classes in the labels; got {positives} positives and {negatives} negatives.", nameof(labels));
        var n = fps.Length + 1;
        var fpr = new double[n];
        var tpr = new double[n];
        var cut = new double[n];
        cut[0] = double.PositiveInfinity;
        for (var i = 1; i < n; i++)
        {
            fpr[i] = fps[i - 1] / negatives;
            tpr[i] = tps[i - 1] / positives;
            cut[i] = thresholds[i - 1];
        }
        return new RocPoints(fpr, tpr, cut);
    }

    public static PrPoints PrecisionRecall(int[] labels, double[] scores)
    {
        var (fps, tps, thresholds) = CountsPerThreshold(labels, scores);
        var positives = tps[^1];
        if (positives == 0) throw new ArgumentException("A precision–recall curve needs at least one positive label.", nameof(labels));
        var n = fps.Length;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var cut = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Reversed, so recall falls as in scikit-learn.
            var j = n - 1 - i;
            var predictedPositive = tps[j] + fps[j];
            precision[i] = predictedPositive == 0 ? 0 : tps[j] / predictedPositive;
            recall[i] = tps[j] / positives;
            cut[i] = thresholds[j];
        }
        precision[n] = 1;
        recall[n] = 0;
        return new PrPoints(precision, recall, cut);
    }

    /// <summary>Area under a curve by the trapezoidal rule; <paramref name="x"/> must be monotonic (either direction), as in scikit-learn's <c>auc</c>.</summary>
    public static double Auc(double[] x, double[] y)
    {
        RequireSameLength(x, y, nameof(y));
        if (x.Length < 2) throw new ArgumentException($"At least 2 points are needed to compute an area; got {x.Length}.", nameof(x));
        var rising = x.Zip(x.Skip(1)).All(p => p.Second >= p.First);
        var falling = x.Zip(x.Skip(1)).All(p => p.Second <= p.First);
        if (!rising && !falling) throw new ArgumentException("x is neither increasing nor decreasing, so the area is undefined.", nameof(x));
        var direction = rising ? 1 : -1;
        var area = 0.0;
        for (var i = 1; i < x.Length; i++) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return direction * area;
    }

    /// <summary>
    /// Average precision Σ (Rₖ − Rₖ₊₁) Pₖ over points in scikit-learn's order (recall falling); points given with
    /// recall rising are read in reverse.
    /// </summary>
    public static double AveragePrecision(double[] precision, double[] recall)
    {
        RequireSameLength(recall, precision, nameof(precision));
        var rising = recall.Length > 1 && recall[^1] > recall[0];
        double At(double[] values, int i) => rising ? values[values.Length - 1 - i] : values[i];
        var sum = 0.0;
        for (var k = 0; k < recall.Length - 1; k++)
        {
            var drop = At(recall, k) - At(recall, k + 1);
            if (drop < 0) throw new ArgumentException("recall must be monotonic (as precision_recall_curve returns it).", nameof(recall));
            sum += drop * At(precision, k);
        }
        return sum;
    }

    /// <summary>
    /// Cumulative false and true positives at each distinct score, highest score first
    /// (scikit-learn's <c>_binary_clf_curve</c>); labels are 0 (negative) or 1 (positive).
    /// </summary>
    private static (double[] Fps, double[] Tps, double[] Thresholds) CountsPerThreshold(int[] labels, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Length != scores.Length)
            throw new ArgumentException($"labels has {labels.Length} entries but scores has {scores.Length}.", nameof(scores));
        if (labels.Length == 0) throw new ArgumentException("No samples.", nameof(labels));
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1)) throw new ArgumentException($"labels[{i}] = {labels[i]}: binary labels must be 0 or 1.", nameof(labels));
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"scores[{i}] = {scores[i]} is not a finite number.", nameof(scores));
        }
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]] == 1) tp++; else fp++;
            // A threshold closes where the next score is different (or at the end): ties move together.
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                fps.Add(fp);
                tps.Add(tp);
                thresholds.Add(scores[order[k]]);
            }
        }
        return (fps.ToArray(), tps.ToArray(), thresholds.ToArray());
    }

    private static void RequireSameLength(double[] first, double[] second, string secondName)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Length != second.Length)
            throw new ArgumentException($"The two coordinate arrays differ in length ({first.Length} and {second.Length}).", secondName);
    }
}

namespace AiLab.Metrics;

/// <summary>Per-class precision, recall, F-score and support, as <c>precision_recall_fscore_support(average=None)</c>.</summary>
/// <param name="Labels">The classes, in the order of the other arrays.</param>
/// <param name="Precision">tp / (tp + fp) per class.</param>
/// <param name="Recall">tp / (tp + fn) per class.</param>
/// <param name="FScore">F-beta per class (F1 unless another beta was asked for).</param>
/// <param name="Support">Number of true samples of each class.</param>
public sealed record PerClassScores(int[] Labels, double[] Precision, double[] Recall, double[] FScore, int[] Support);

public static partial class Classification
{
    /// <summary>
    /// Precision tp / (tp + fp), as <c>precision_score</c>. A class with no predicted samples has precision
    /// <paramref name="zeroDivision"/> (0 or 1, scikit-learn's <c>zero_division</c>; its default "warn" acts as 0).
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels overall.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (ignored otherwise).</param>
    /// <param name="labels">Classes to include for the other averages (default: every label present); ignored for binary.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Precision(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, Average average = Average.Binary,
        int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        AveragedScores(yTrue, yPred, 1.0, average, posLabel, labels, zeroDivision).Precision;

    /// <summary>Recall tp / (tp + fn), as <c>recall_score</c>; a class with no true samples has recall <paramref name="zeroDivision"/>.</summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels overall.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (ignored otherwise).</param>
    /// <param name="labels">Classes to include for the other averages (default: every label present); ignored for binary.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Recall(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, Average average = Average.Binary,
        int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        AveragedScores(yTrue, yPred, 1.0, average, posLabel, labels, zeroDivision).Recall;

    /// <summary>
    /// F1 = 2PR / (P + R), as <c>f1_score</c>: computed per class from precision and recall after their 0/0 values were
    /// replaced by <paramref name="zeroDivision"/>, and 0 where P + R = 0; then averaged.
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels overall.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (ignored otherwise).</param>
    /// <param name="labels">Classes to include for the other averages (default: every label present); ignored for binary.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double F1(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, Average average = Average.Binary,
        int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        AveragedScores(yTrue, yPred, 1.0, average, posLabel, labels, zeroDivision).FScore;

    /// <summary>F-beta = (1 + β²)PR / (β²P + R), as <c>fbeta_score</c>; β &lt; 1 favours precision, β &gt; 1 recall.</summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="beta">Weight of recall relative to precision, ≥ 0 (+∞ gives recall).</param>
    /// <param name="average">How classes are combined; <see cref="Average.Binary"/> needs at most two labels overall.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/> (ignored otherwise).</param>
    /// <param name="labels">Classes to include for the other averages (default: every label present); ignored for binary.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double FBeta(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, double beta, Average average = Average.Binary,
        int posLabel = 1, int[]? labels = null, double zeroDivision = 0.0) =>
        AveragedScores(yTrue, yPred, beta, average, posLabel, labels, zeroDivision).FScore;

    /// <summary>Per-class precision, recall, F-beta and support (<c>precision_recall_fscore_support</c> with <c>average=None</c>).</summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="beta">Weight of recall relative to precision in the F-score, ≥ 0.</param>
    /// <param name="labels">Classes to report, in this order (default: the sorted labels present in either array).</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static PerClassScores PrecisionRecallFScoreSupport(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        double beta = 1.0, int[]? labels = null, double zeroDivision = 0.0)
    {
        CheckScoreArguments(yTrue, yPred, beta, zeroDivision);
        int[] classes = labels is null ? BinaryTargets.Distinct(yTrue, yPred) : ValidatedLabels(labels, nameof(labels));
        var counts = ClassCounts.Count(yTrue, yPred, classes);
        var precision = new double[classes.Length];
        var recall = new double[classes.Length];
        var fScore = new double[classes.Length];
        var support = new int[classes.Length];
        for (int c = 0; c < classes.Length; c++)
        {
            (precision[c], recall[c], fScore[c]) = counts[c].Scores(beta, zeroDivision);
            support[c] = counts[c].TrueCount;
        }
        return new PerClassScores(classes, precision, recall, fScore, support);
    }

    private static (double Precision, double Recall, double FScore) AveragedScores(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        double beta, Average average, int posLabel, int[]? labels, double zeroDivision)
    {
        CheckScoreArguments(yTrue, yPred, beta, zeroDivision);
        int[] classes = average switch
        {
            Average.Binary => [BinaryPositiveClass(yTrue, yPred, posLabel)],
            Average.Micro or Average.Macro or Average.Weighted => labels is null ? BinaryTargets.Distinct(yTrue, yPred) : ValidatedLabels(labels, nameof(labels)),
            Average.Samples => throw new ArgumentException("Average.Samples needs multilabel indicator matrices (int[,] or bool[,]); use Micro, Macro or Weighted for class labels.", nameof(average)),
            _ => throw new ArgumentOutOfRangeException(nameof(average), average, "is not an Average value."),
        };
        return Combine(ClassCounts.Count(yTrue, yPred, classes), average, beta, zeroDivision);
    }

    /// <summary>Averages per-class (or per-label) counts; <see cref="Average.Binary"/> arrives with the positive class alone.</summary>
    private static (double Precision, double Recall, double FScore) Combine(ClassCounts[] counts, Average average, double beta, double zeroDivision)
    {
        if (average is Average.Binary or Average.Micro)
            return ClassCounts.Sum(counts).Scores(beta, zeroDivision);

        if (average == Average.Weighted && counts.Sum(c => c.TrueCount) == 0)
        {
            // scikit-learn's special case: no true samples of any listed class, so the support weights are all zero.
            bool nothingPredicted = counts.All(c => c.PredictedCount == 0);
            return nothingPredicted ? (zeroDivision, zeroDivision, zeroDivision) : (0.0, zeroDivision, 0.0);
        }

        double p = 0, r = 0, f = 0, totalWeight = 0;
        foreach (var count in counts)
        {
            double weight = average == Average.Weighted ? count.TrueCount : 1.0;
            var (cp, cr, cf) = count.Scores(beta, zeroDivision);
            p += weight * cp;
            r += weight * cr;
            f += weight * cf;
            totalWeight += weight;
        }
        return (p / totalWeight, r / totalWeight, f / totalWeight);
    }

    private static void CheckScoreArguments(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, double beta, double zeroDivision)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        MetricArguments.ZeroDivision(zeroDivision, nameof(zeroDivision));
        if (!(beta >= 0))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "must be ≥ 0.");
    }

    private static int BinaryPositiveClass(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int posLabel)
    {
        int[] present = BinaryTargets.Distinct(yTrue, yPred);
        if (present.Length > 2)
            throw new ArgumentException(
                $"Average.Binary needs binary labels, but the labels are {{{string.Join(", ", present)}}}; use Micro, Macro or Weighted.",
                "average");
        if (present.Length == 2 && Array.IndexOf(present, posLabel) < 0)
            throw new ArgumentException($"posLabel={posLabel} is not one of the labels {{{string.Join(", ", present)}}}.", nameof(posLabel));
        return posLabel;
    }

    /// <summary>Sufficient statistics of one class (or of all classes pooled, for micro averaging).</summary>
    private readonly record struct ClassCounts(int TruePositives, int PredictedCount, int TrueCount)
    {
        public static ClassCounts[] Count(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int[] classes)
        {
            var index = IndexOf(classes);
            var tp = new int[classes.Length];
            var predicted = new int[classes.Length];
            var actual = new int[classes.Length];
            for (int i = 0; i < yTrue.Length; i++)
            {
                bool isTrueClass = index.TryGetValue(yTrue[i], out int t);
                if (isTrueClass)
                    actual[t]++;
                if (index.TryGetValue(yPred[i], out int p))
                {
                    predicted[p]++;
                    if (isTrueClass && t == p)
                        tp[p]++;
                }
            }
            return [.. classes.Select((_, c) => new ClassCounts(tp[c], predicted[c], actual[c]))];
        }

        public static ClassCounts Sum(ClassCounts[] counts) =>
            new(counts.Sum(c => c.TruePositives), counts.Sum(c => c.PredictedCount), counts.Sum(c => c.TrueCount));

        public (double Precision, double Recall, double FScore) Scores(double beta, double zeroDivision)
        {
            double precision = PredictedCount == 0 ? zeroDivision : (double)TruePositives / PredictedCount;
            double recall = TrueCount == 0 ? zeroDivision : (double)TruePositives / TrueCount;
            if (double.IsPositiveInfinity(beta))
                return (precision, recall, recall);
            double beta2 = beta * beta;
            double denominator = beta2 * precision + recall;
            double fScore = denominator == 0 ? 0.0 : (1 + beta2) * precision * recall / denominator;
            return (precision, recall, fScore);
        }
    }
}

namespace AiLab.Metrics;

public static partial class Classification
{
    /// <summary>
    /// Binary log loss (cross-entropy) −mean[y log p + (1−y) log(1−p)], as <c>log_loss</c> (scikit-learn 1.2):
    /// p is clipped to [ε, 1−ε] with ε = <paramref name="eps"/>, by default the float64 machine epsilon
    /// (2.22e-16, scikit-learn's <c>eps="auto"</c>), so a confident wrong 0 or 1 costs −log ε ≈ 36 instead of ∞.
    /// Unlike scikit-learn without <c>labels</c>, a y_true with a single class is accepted: the positive class is
    /// explicit here (it equals <c>log_loss(y, p, labels=[0, 1])</c>).
    /// </summary>
    /// <param name="yTrue">True labels; see <paramref name="posLabel"/>.</param>
    /// <param name="yProb">Predicted probability of the positive class, finite (clipped as above).</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    /// <param name="eps">Clipping ε in (0, 0.5); default 2.220446049250313e-16.</param>
    public static double LogLoss(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yProb, int? posLabel = null, double? eps = null)
    {
        MetricArguments.Paired(yTrue.Length, yProb.Length, nameof(yTrue), nameof(yProb));
        MetricArguments.Finite(yProb, nameof(yProb));
        double epsilon = CheckedEpsilon(eps);
        bool[] positive = BinaryTargets.PositiveMask(yTrue, posLabel, nameof(yTrue));
        double total = 0;
        for (int i = 0; i < yProb.Length; i++)
        {
            double p = Math.Clamp(yProb[i], epsilon, 1 - epsilon);
            double q = 1 - p;
            // scikit-learn renormalizes the row [1−p, p]; the sum differs from 1 only by rounding, kept for exactness.
            double sum = q + p;
            total -= Math.Log((positive[i] ? p : q) / sum);
        }
        return total / yProb.Length;
    }

    /// <summary>
    /// Multiclass log loss −mean log p[i, y_i], as <c>log_loss</c> (scikit-learn 1.2): probabilities are clipped to
    /// [ε, 1−ε], then each row is divided by its sum (rows need not sum to 1 exactly). Column j belongs to the j-th
    /// smallest class of <paramref name="labels"/> (default: the classes present in <paramref name="yTrue"/>), and at
    /// least two classes are required, as in scikit-learn.
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yProb">Probabilities, n × K, one column per class in increasing label order.</param>
    /// <param name="labels">All classes (default: those in <paramref name="yTrue"/>); needed when some class never occurs.</param>
    /// <param name="eps">Clipping ε in (0, 0.5); default 2.220446049250313e-16.</param>
    public static double LogLoss(ReadOnlySpan<int> yTrue, double[,] yProb, int[]? labels = null, double? eps = null)
    {
        int n = yProb.GetLength(0), columns = yProb.GetLength(1);
        MetricArguments.Paired(yTrue.Length, n, nameof(yTrue), nameof(yProb));
        MetricArguments.Finite(yProb, nameof(yProb));
        double epsilon = CheckedEpsilon(eps);
        int[] classes = labels is null ? BinaryTargets.Distinct(yTrue) : ValidatedLabels(labels, nameof(labels)).Order().ToArray();
        if (classes.Length < 2)
            throw new ArgumentException(
                $"{(labels is null ? "yTrue" : "labels")} holds only the label {classes[0]}; log loss needs at least two classes. Pass labels to name them all.",
                labels is null ? nameof(yTrue) : nameof(labels));
        if (classes.Length != columns)
            throw new ArgumentException($"has {columns} columns but there are {classes.Length} classes ({string.Join(", ", classes)}).", nameof(yProb));
        var column = IndexOf(classes);

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            if (!column.TryGetValue(yTrue[i], out int trueColumn))
                throw new ArgumentException($"element {i} is {yTrue[i]}, which is not among the labels ({string.Join(", ", classes)}).", nameof(yTrue));
            double rowSum = 0;
            for (int c = 0; c < columns; c++)
                rowSum += Math.Clamp(yProb[i, c], epsilon, 1 - epsilon);
            total -= Math.Log(Math.Clamp(yProb[i, trueColumn], epsilon, 1 - epsilon) / rowSum);
        }
        return total / n;
    }

    /// <summary>
    /// Brier score mean (y − p)², as <c>brier_score_loss</c>: the squared error of the predicted probability of the
    /// positive class; 0 is perfect, 0.25 is a constant 0.5.
    /// </summary>
    /// <param name="yTrue">True labels; see <paramref name="posLabel"/>.</param>
    /// <param name="yProb">Predicted probability of the positive class, in [0, 1].</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    public static double BrierScoreLoss(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yProb, int? posLabel = null)
    {
        MetricArguments.Paired(yTrue.Length, yProb.Length, nameof(yTrue), nameof(yProb));
        MetricArguments.Probabilities(yProb, nameof(yProb));
        bool[] positive = BinaryTargets.PositiveMask(yTrue, posLabel, nameof(yTrue));
        double total = 0;
        for (int i = 0; i < yProb.Length; i++)
        {
            double error = (positive[i] ? 1.0 : 0.0) - yProb[i];
            total += error * error;
        }
        return total / yProb.Length;
    }

    /// <summary><c>numpy.finfo(numpy.float64).eps</c>: the gap between 1 and the next double.</summary>
    private const double Float64Epsilon = 2.220446049250313e-16;

    private static double CheckedEpsilon(double? eps)
    {
        double epsilon = eps ?? Float64Epsilon;
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(eps), epsilon, "must lie in (0, 0.5).");
        return epsilon;
    }
}

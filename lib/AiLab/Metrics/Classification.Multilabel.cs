namespace AiLab.Metrics;

public static partial class Classification
{
    /// <summary>Fraction of wrong labels mean(y ≠ ŷ), as <c>hamming_loss</c> for class labels (here 1 − accuracy).</summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    public static double HammingLoss(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        int wrong = 0;
        for (int i = 0; i < yTrue.Length; i++)
            if (yTrue[i] != yPred[i])
                wrong++;
        return (double)wrong / yTrue.Length;
    }

    /// <summary>
    /// Fraction of wrong entries of a multilabel indicator matrix, as <c>hamming_loss</c>: the number of (sample, label)
    /// pairs where truth and prediction differ, over samples × labels. Unlike subset accuracy it gives partial credit
    /// to a sample with some of its labels right.
    /// </summary>
    /// <param name="yTrue">True indicator matrix, samples × labels, entries 0 or 1.</param>
    /// <param name="yPred">Predicted indicator matrix, same shape, entries 0 or 1.</param>
    public static double HammingLoss(int[,] yTrue, int[,] yPred)
    {
        CheckIndicators(yTrue, yPred);
        int wrong = 0;
        for (int i = 0; i < yTrue.GetLength(0); i++)
            for (int j = 0; j < yTrue.GetLength(1); j++)
                if (yTrue[i, j] != yPred[i, j])
                    wrong++;
        return (double)wrong / yTrue.Length;
    }

    /// <inheritdoc cref="HammingLoss(int[,], int[,])"/>
    public static double HammingLoss(bool[,] yTrue, bool[,] yPred) =>
        HammingLoss(Indicators(yTrue, nameof(yTrue)), Indicators(yPred, nameof(yPred)));

    /// <summary>
    /// Multilabel precision over indicator matrices, as <c>precision_score</c>: each column is one label's binary
    /// problem. <see cref="Average.Micro"/> pools the counts of all labels, <see cref="Average.Macro"/> and
    /// <see cref="Average.Weighted"/> average the per-label scores (unweighted, or by each label's support), and
    /// <see cref="Average.Samples"/> scores each row's predicted label set against its true set and averages over rows.
    /// </summary>
    /// <param name="yTrue">True indicator matrix, samples × labels, entries 0 or 1.</param>
    /// <param name="yPred">Predicted indicator matrix, same shape, entries 0 or 1.</param>
    /// <param name="average">Micro, Macro, Weighted or Samples (Binary is for class labels).</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Precision(int[,] yTrue, int[,] yPred, Average average, double zeroDivision = 0.0) =>
        MultilabelScores(yTrue, yPred, 1.0, average, zeroDivision).Precision;

    /// <summary>Multilabel recall over indicator matrices, as <c>recall_score</c>; averages as in <see cref="Precision(int[,], int[,], Average, double)"/>.</summary>
    /// <param name="yTrue">True indicator matrix, samples × labels, entries 0 or 1.</param>
    /// <param name="yPred">Predicted indicator matrix, same shape, entries 0 or 1.</param>
    /// <param name="average">Micro, Macro, Weighted or Samples (Binary is for class labels).</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double Recall(int[,] yTrue, int[,] yPred, Average average, double zeroDivision = 0.0) =>
        MultilabelScores(yTrue, yPred, 1.0, average, zeroDivision).Recall;

    /// <summary>Multilabel F1 over indicator matrices, as <c>f1_score</c>; averages as in <see cref="Precision(int[,], int[,], Average, double)"/>.</summary>
    /// <param name="yTrue">True indicator matrix, samples × labels, entries 0 or 1.</param>
    /// <param name="yPred">Predicted indicator matrix, same shape, entries 0 or 1.</param>
    /// <param name="average">Micro, Macro, Weighted or Samples (Binary is for class labels).</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static double F1(int[,] yTrue, int[,] yPred, Average average, double zeroDivision = 0.0) =>
        MultilabelScores(yTrue, yPred, 1.0, average, zeroDivision).FScore;

    /// <inheritdoc cref="Precision(int[,], int[,], Average, double)"/>
    public static double Precision(bool[,] yTrue, bool[,] yPred, Average average, double zeroDivision = 0.0) =>
        Precision(Indicators(yTrue, nameof(yTrue)), Indicators(yPred, nameof(yPred)), average, zeroDivision);

    /// <inheritdoc cref="Recall(int[,], int[,], Average, double)"/>
    public static double Recall(bool[,] yTrue, bool[,] yPred, Average average, double zeroDivision = 0.0) =>
        Recall(Indicators(yTrue, nameof(yTrue)), Indicators(yPred, nameof(yPred)), average, zeroDivision);

    /// <inheritdoc cref="F1(int[,], int[,], Average, double)"/>
    public static double F1(bool[,] yTrue, bool[,] yPred, Average average, double zeroDivision = 0.0) =>
        F1(Indicators(yTrue, nameof(yTrue)), Indicators(yPred, nameof(yPred)), average, zeroDivision);

    /// <summary>
    /// Per-label precision, recall, F-beta and support of indicator matrices (<c>precision_recall_fscore_support</c>
    /// with <c>average=None</c>); <see cref="PerClassScores.Labels"/> holds the column indices 0 … L−1.
    /// </summary>
    /// <param name="yTrue">True indicator matrix, samples × labels, entries 0 or 1.</param>
    /// <param name="yPred">Predicted indicator matrix, same shape, entries 0 or 1.</param>
    /// <param name="beta">Weight of recall relative to precision in the F-score, ≥ 0.</param>
    /// <param name="zeroDivision">Value of a 0/0 ratio: 0 or 1.</param>
    public static PerClassScores PrecisionRecallFScoreSupport(int[,] yTrue, int[,] yPred, double beta = 1.0, double zeroDivision = 0.0)
    {
        CheckMultilabelArguments(yTrue, yPred, beta, zeroDivision);
        var counts = LabelCounts(yTrue, yPred);
        var scores = counts.Select(c => c.Scores(beta, zeroDivision)).ToArray();
        return new PerClassScores([.. Enumerable.Range(0, counts.Length)], [.. scores.Select(s => s.Precision)],
            [.. scores.Select(s => s.Recall)], [.. scores.Select(s => s.FScore)], [.. counts.Select(c => c.TrueCount)]);
    }

    private static (double Precision, double Recall, double FScore) MultilabelScores(int[,] yTrue, int[,] yPred, double beta,
        Average average, double zeroDivision)
    {
        CheckMultilabelArguments(yTrue, yPred, beta, zeroDivision);
        return average switch
        {
            Average.Micro or Average.Macro or Average.Weighted => Combine(LabelCounts(yTrue, yPred), average, beta, zeroDivision),
            // The samples average is the plain mean of per-row scores: macro averaging over rows instead of columns.
            Average.Samples => Combine(SampleCounts(yTrue, yPred), Average.Macro, beta, zeroDivision),
            Average.Binary => throw new ArgumentException("Average.Binary is for class labels; multilabel indicators need Micro, Macro, Weighted or Samples.", nameof(average)),
            _ => throw new ArgumentOutOfRangeException(nameof(average), average, "is not an Average value."),
        };
    }

    /// <summary>Counts per column (label).</summary>
    private static ClassCounts[] LabelCounts(int[,] yTrue, int[,] yPred) =>
        [.. Enumerable.Range(0, yTrue.GetLength(1)).Select(j => CountPairs(yTrue.GetLength(0), i => yTrue[i, j], i => yPred[i, j]))];

    /// <summary>Counts per row (sample).</summary>
    private static ClassCounts[] SampleCounts(int[,] yTrue, int[,] yPred) =>
        [.. Enumerable.Range(0, yTrue.GetLength(0)).Select(i => CountPairs(yTrue.GetLength(1), j => yTrue[i, j], j => yPred[i, j]))];

    private static ClassCounts CountPairs(int length, Func<int, int> truth, Func<int, int> prediction)
    {
        int tp = 0, predicted = 0, actual = 0;
        for (int k = 0; k < length; k++)
        {
            int t = truth(k), p = prediction(k);
            tp += t & p;
            predicted += p;
            actual += t;
        }
        return new ClassCounts(tp, predicted, actual);
    }

    private static void CheckMultilabelArguments(int[,] yTrue, int[,] yPred, double beta, double zeroDivision)
    {
        CheckIndicators(yTrue, yPred);
        MetricArguments.ZeroDivision(zeroDivision, nameof(zeroDivision));
        if (!(beta >= 0))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "must be ≥ 0.");
    }

    private static void CheckIndicators(int[,] yTrue, int[,] yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yTrue.GetLength(0) == 0 || yTrue.GetLength(1) == 0)
            throw new ArgumentException($"must have at least one sample and one label (got {yTrue.GetLength(0)}×{yTrue.GetLength(1)}).", nameof(yTrue));
        if (yPred.GetLength(0) != yTrue.GetLength(0) || yPred.GetLength(1) != yTrue.GetLength(1))
            throw new ArgumentException(
                $"has shape {yPred.GetLength(0)}×{yPred.GetLength(1)} but yTrue has {yTrue.GetLength(0)}×{yTrue.GetLength(1)}; they must have the same shape.", nameof(yPred));
        ZeroOne(yTrue, nameof(yTrue));
        ZeroOne(yPred, nameof(yPred));
    }

    private static void ZeroOne(int[,] indicators, string name)
    {
        for (int i = 0; i < indicators.GetLength(0); i++)
            for (int j = 0; j < indicators.GetLength(1); j++)
                if (indicators[i, j] is not (0 or 1))
                    throw new ArgumentException($"must be a 0/1 indicator matrix, but element [{i}, {j}] is {indicators[i, j]}.", name);
    }

    private static int[,] Indicators(bool[,] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var result = new int[values.GetLength(0), values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++)
                result[i, j] = values[i, j] ? 1 : 0;
        return result;
    }
}

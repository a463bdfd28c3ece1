namespace AiLab.Metrics;

/// <summary>A confusion matrix: <c>Counts[i, j]</c> is the number of samples of true class <c>Labels[i]</c> predicted as <c>Labels[j]</c>.</summary>
/// <param name="Labels">The class labels, in row/column order.</param>
/// <param name="Counts">Rows are true classes, columns predicted classes (scikit-learn's layout).</param>
public sealed record ConfusionMatrixResult(int[] Labels, int[,] Counts);

/// <summary>Classification metrics with scikit-learn's semantics (<c>sklearn.metrics</c>, version 1.2).</summary>
public static partial class Classification
{
    /// <summary>
    /// Confusion matrix, as <c>sklearn.metrics.confusion_matrix</c>. Without <paramref name="labels"/> the classes are
    /// the sorted union of both arrays; with it, rows and columns follow that order and samples whose true or
    /// predicted label is not listed are left out.
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    /// <param name="labels">Optional classes and their order; at least one must occur in <paramref name="yTrue"/>.</param>
    public static ConfusionMatrixResult ConfusionMatrix(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int[]? labels = null)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        int[] classes = labels is null ? BinaryTargets.Distinct(yTrue, yPred) : ValidatedLabels(labels, nameof(labels));
        var index = IndexOf(classes);
        if (labels is not null && !ContainsAny(yTrue, index))
            throw new ArgumentException("none of the given labels occurs in yTrue; at least one must.", nameof(labels));

        var counts = new int[classes.Length, classes.Length];
        for (int i = 0; i < yTrue.Length; i++)
            if (index.TryGetValue(yTrue[i], out int row) && index.TryGetValue(yPred[i], out int column))
                counts[row, column]++;
        return new ConfusionMatrixResult(classes, counts);
    }

    /// <summary>Fraction of samples whose prediction equals the true label (<c>accuracy_score</c>).</summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels, same length.</param>
    public static double Accuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        int correct = 0;
        for (int i = 0; i < yTrue.Length; i++)
            if (yTrue[i] == yPred[i])
                correct++;
        return (double)correct / yTrue.Length;
    }

    private static int[] ValidatedLabels(int[] labels, string name)
    {
        MetricArguments.NotEmpty(labels.Length, name);
        if (BinaryTargets.Distinct(labels).Length != labels.Length)
            throw new ArgumentException($"must not repeat a label: [{string.Join(", ", labels)}].", name);
        return labels;
    }

    private static Dictionary<int, int> IndexOf(int[] classes)
    {
        var index = new Dictionary<int, int>(classes.Length);
        for (int i = 0; i < classes.Length; i++)
            index[classes[i]] = i;
        return index;
    }

    private static bool ContainsAny(ReadOnlySpan<int> values, Dictionary<int, int> index)
    {
        foreach (int v in values)
            if (index.ContainsKey(v))
                return true;
        return false;
    }
}

namespace AiLab.Data;

public static partial class CrossValidation
{
    /// <summary>
    /// Walk-forward (expanding-window) folds for ordered data, as scikit-learn's <c>TimeSeriesSplit</c>: the last
    /// <paramref name="splits"/> × testSize samples are cut into consecutive test blocks of testSize; each fold trains
    /// on the samples before its test block, so training always precedes testing and nothing is shuffled.
    /// <list type="bullet">
    /// <item><paramref name="testSize"/> defaults to count / (splits + 1) (integer division).</item>
    /// <item><paramref name="gap"/> samples just before each test block are left out of its training set (so that
    /// lagged features or a forecast horizon cannot leak test information into training).</item>
    /// <item><paramref name="maxTrainSize"/> keeps only the most recent samples of each training set (a sliding
    /// window instead of an expanding one).</item>
    /// </list>
    /// Fold k (0-based) tests on [count − (splits − k)·testSize, +testSize) and trains on the samples before
    /// start − gap (the last maxTrainSize of them). <see cref="Fold.Validation"/> holds the test block.
    /// </summary>
    /// <param name="count">Number of samples, in time order.</param>
    /// <param name="splits">Number of folds, ≥ 2 (scikit-learn's <c>n_splits</c>, default 5).</param>
    /// <param name="testSize">Samples per test block, ≥ 1; default count / (splits + 1).</param>
    /// <param name="gap">Samples dropped between each training set and its test block, ≥ 0.</param>
    /// <param name="maxTrainSize">Most training samples per fold, ≥ 1; default unlimited.</param>
    public static IReadOnlyList<Fold> TimeSeriesSplit(int count, int splits = 5, int? testSize = null, int gap = 0, int? maxTrainSize = null)
    {
        if (splits < 2)
            throw new ArgumentOutOfRangeException(nameof(splits), splits, "TimeSeriesSplit needs splits ≥ 2.");
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        if (testSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "testSize must be ≥ 1 (or null for count / (splits + 1)).");
        if (maxTrainSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxTrainSize), maxTrainSize, "maxTrainSize must be ≥ 1 (or null for no limit).");
        if (splits + 1 > count)
            throw new ArgumentOutOfRangeException(nameof(splits), splits,
                $"Cannot have number of folds={splits + 1} (splits + 1) greater than the number of samples={count}.");
        int size = testSize ?? count / (splits + 1);
        if (count - gap - (long)size * splits <= 0)
            throw new ArgumentException(
                $"Too many splits={splits} for number of samples={count} with testSize={size} and gap={gap}: no training samples would remain.",
                nameof(splits));

        var folds = new Fold[splits];
        for (int k = 0; k < splits; k++)
        {
            int testStart = count - (splits - k) * size;
            int trainEnd = testStart - gap;
            int trainStart = maxTrainSize is { } max && max < trainEnd ? trainEnd - max : 0;
            folds[k] = new Fold(k, [.. Enumerable.Range(trainStart, trainEnd - trainStart)], [.. Enumerable.Range(testStart, size)]);
        }
        return folds;
    }
}

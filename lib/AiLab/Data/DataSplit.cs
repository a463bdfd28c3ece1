namespace AiLab.Data;

/// <summary>
/// Seeded random train/test and train/validation/test splits, optionally stratified by class
/// (scikit-learn's <c>train_test_split</c>). Returns indices: apply them with
/// <see cref="ArrayExtensions.TakeRows{T}(T[], IReadOnlyList{int})"/> or a dataset's <c>Subset</c>.
/// </summary>
public static class DataSplit
{
    /// <summary>
    /// Splits <paramref name="count"/> samples into train and test: ⌈testSize·count⌉ test samples, the rest
    /// train. With <paramref name="stratify"/> (class labels), every class is split in the same proportion
    /// (each class's test share is within one sample of exact).
    /// </summary>
    public static SplitIndices TrainTest(int count, double testSize, int seed, IReadOnlyList<int>? stratify = null) =>
        TrainValidationTest(count, 0, testSize, seed, stratify);

    /// <summary>
    /// Splits <paramref name="count"/> samples into train, validation and test: ⌈testSize·count⌉ test,
    /// ⌈validationSize·count⌉ validation, the rest train. With <paramref name="stratify"/> every class is
    /// divided in the same proportions: test is drawn first, then validation from the rest, each apportioned
    /// among the classes by largest remainder.
    /// </summary>
    public static SplitIndices TrainValidationTest(int count, double validationSize, double testSize, int seed,
        IReadOnlyList<int>? stratify = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(testSize >= 0 && testSize < 1))
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "testSize must be in [0, 1).");
        if (!(validationSize >= 0 && validationSize < 1))
            throw new ArgumentOutOfRangeException(nameof(validationSize), validationSize, "validationSize must be in [0, 1).");
        if (stratify is not null && stratify.Count != count)
            throw new ArgumentException($"stratify has {stratify.Count} labels for {count} samples.", nameof(stratify));
        int testCount = CeilingCount(testSize, count);
        int validationCount = CeilingCount(validationSize, count);
        if (testCount + validationCount >= count)
            throw new ArgumentException(
                $"validationSize {validationSize} and testSize {testSize} leave no training samples out of {count}.",
                nameof(testSize));

        var random = new Random(seed);
        List<int[]> groups = stratify is null ? [[.. Enumerable.Range(0, count)]] : Stratification.GroupByClass(stratify, nameof(stratify));
        foreach (var group in groups)
            random.Shuffle(group);
        var remaining = groups.Select(group => new Queue<int>(group)).ToList();
        int[] test = Draw(remaining, testCount, random);
        int[] validation = Draw(remaining, validationCount, random);
        int[] train = [.. remaining.SelectMany(queue => queue)];
        random.Shuffle(train);
        return new SplitIndices(train, validation, test);
    }

    /// <summary>⌈fraction · count⌉, ignoring rounding noise (0.7 · 10 is 7.000000000000001 in doubles, and means 7).</summary>
    private static int CeilingCount(double fraction, int count) => (int)Math.Ceiling(fraction * count - 1e-9);

    /// <summary>Takes <paramref name="take"/> indices from the groups in proportion to what each has left.</summary>
    private static int[] Draw(List<Queue<int>> groups, int take, Random random)
    {
        int[] shares = Stratification.Apportion([.. groups.Select(queue => queue.Count)], take);
        int[] drawn = [.. groups.SelectMany((queue, g) => Enumerable.Range(0, shares[g]).Select(_ => queue.Dequeue()))];
        random.Shuffle(drawn);
        return drawn;
    }
}

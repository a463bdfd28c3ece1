namespace AiLab.Data;

/// <summary>
/// K-fold cross-validation indices (scikit-learn's <c>KFold</c> and <c>StratifiedKFold</c>): every sample is
/// in exactly one validation fold, fold sizes differ by at most one.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// <paramref name="k"/> folds of <paramref name="count"/> samples: the (shuffled, when
    /// <paramref name="shuffle"/>) sample order cut into k consecutive parts, the first count mod k one larger.
    /// </summary>
    public static IReadOnlyList<Fold> KFold(int count, int k, int seed, bool shuffle = true)
    {
        CheckK(count, k);
        int[] order = [.. Enumerable.Range(0, count)];
        if (shuffle)
            new Random(seed).Shuffle(order);
        var foldOf = new int[count];
        int start = 0;
        for (int f = 0; f < k; f++)
        {
            int size = count / k + (f < count % k ? 1 : 0);
            for (int i = start; i < start + size; i++)
                foldOf[order[i]] = f;
            start += size;
        }
        return ToFolds(foldOf, k);
    }

    /// <summary>
    /// <paramref name="k"/> folds that keep each class's proportion: within each class (shuffled when
    /// <paramref name="shuffle"/>) samples are dealt to the folds in turn, the deal continuing from class to
    /// class, so every fold's count of every class is within one of the others' and fold sizes differ by at
    /// most one.
    /// </summary>
    public static IReadOnlyList<Fold> StratifiedKFold(IReadOnlyList<int> labels, int k, int seed, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckK(labels.Count, k);
        var random = new Random(seed);
        var foldOf = new int[labels.Count];
        int dealt = 0;
        foreach (var group in Stratification.GroupByClass(labels, nameof(labels)))
        {
            if (shuffle)
                random.Shuffle(group);
            foreach (int sample in group)
                foldOf[sample] = dealt++ % k;
        }
        return ToFolds(foldOf, k);
    }

    private static void CheckK(int count, int k)
    {
        if (k < 2)
            throw new ArgumentOutOfRangeException(nameof(k), k, "k-fold needs k ≥ 2.");
        if (k > count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k} folds cannot be made from {count} samples.");
    }

    private static Fold[] ToFolds(int[] foldOf, int k) =>
        [.. Enumerable.Range(0, k).Select(f => new Fold(f,
            [.. Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] != f)],
            [.. Enumerable.Range(0, foldOf.Length).Where(i => foldOf[i] == f)]))];
}

using AiLab.Classic;

namespace AiLab.Data;

/// <summary>
/// K-fold cross-validation indices (scikit-learn's <c>KFold</c> and <c>StratifiedKFold</c>): every sample is
/// in exactly one validation fold, fold sizes differ by at most one. For ordered data, <see cref="TimeSeriesSplit"/>
/// gives walk-forward folds instead.
/// </summary>
public static partial class CrossValidation
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

    /// <summary>
    /// Out-of-fold predictions, as scikit-learn's <c>cross_val_predict(estimator, X, y, cv)</c>: X is cut into
    /// <paramref name="cv"/> stratified folds (<see cref="StratifiedKFold"/>, unshuffled by default as scikit-learn's
    /// integer <c>cv</c> is), a fresh model is fitted on each fold's training part, and each sample's prediction comes
    /// from the one model that did not see it. Use it to estimate how a model does on unseen data, or to build the
    /// meta-features of stacking; it is not a per-sample score of any single fitted model.
    /// </summary>
    /// <param name="estimator">Creates a fresh, unfitted classifier (called once per fold).</param>
    /// <param name="X">Features, n × d.</param>
    /// <param name="y">Class labels, n.</param>
    /// <param name="cv">Number of folds, 2 ≤ cv ≤ n.</param>
    /// <param name="shuffle">Shuffle each class before dealing it to the folds.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static int[] CrossValPredict(Func<IClassifier> estimator, double[,] X, int[] y, int cv = 5, bool shuffle = false, int seed = 0) =>
        CrossValPredict(estimator, X, y, StratifiedKFold(CheckedLabels(y, X, cv), cv, seed, shuffle));

    /// <summary>Out-of-fold predictions over the given folds, which must partition the samples (each in exactly one validation fold).</summary>
    /// <param name="estimator">Creates a fresh, unfitted classifier (called once per fold).</param>
    /// <param name="X">Features, n × d.</param>
    /// <param name="y">Class labels, n.</param>
    /// <param name="folds">The folds, e.g. from <see cref="KFold"/> or <see cref="StratifiedKFold"/>.</param>
    public static int[] CrossValPredict(Func<IClassifier> estimator, double[,] X, int[] y, IReadOnlyList<Fold> folds)
    {
        var predictions = new int[CheckedLabels(y, X).Length];
        foreach (var (validation, model, xValidation) in FitFolds(estimator, X, y, folds))
        {
            int[] predicted = model.Predict(xValidation);
            for (int k = 0; k < validation.Length; k++)
                predictions[validation[k]] = predicted[k];
        }
        return predictions;
    }

    /// <summary>
    /// Out-of-fold class probabilities, as <c>cross_val_predict(..., method="predict_proba")</c>: n × K with columns in
    /// sorted label order of <paramref name="y"/>; a class absent from a fold's training part gets probability 0 there.
    /// </summary>
    /// <param name="estimator">Creates a fresh, unfitted classifier (called once per fold).</param>
    /// <param name="X">Features, n × d.</param>
    /// <param name="y">Class labels, n.</param>
    /// <param name="cv">Number of stratified folds, 2 ≤ cv ≤ n.</param>
    /// <param name="shuffle">Shuffle each class before dealing it to the folds.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static double[,] CrossValPredictProba(Func<IClassifier> estimator, double[,] X, int[] y, int cv = 5, bool shuffle = false, int seed = 0) =>
        CrossValPredictProba(estimator, X, y, StratifiedKFold(CheckedLabels(y, X, cv), cv, seed, shuffle));

    /// <summary>Out-of-fold class probabilities over the given folds, which must partition the samples.</summary>
    /// <param name="estimator">Creates a fresh, unfitted classifier (called once per fold).</param>
    /// <param name="X">Features, n × d.</param>
    /// <param name="y">Class labels, n.</param>
    /// <param name="folds">The folds, e.g. from <see cref="KFold"/> or <see cref="StratifiedKFold"/>.</param>
    public static double[,] CrossValPredictProba(Func<IClassifier> estimator, double[,] X, int[] y, IReadOnlyList<Fold> folds)
    {
        int[] classes = [.. CheckedLabels(y, X).Distinct().Order()];
        var probabilities = new double[y.Length, classes.Length];
        foreach (var (validation, model, xValidation) in FitFolds(estimator, X, y, folds))
        {
            double[,] p = EnsembleArguments.Aligned(model, xValidation, classes);
            for (int k = 0; k < validation.Length; k++)
                for (int c = 0; c < classes.Length; c++)
                    probabilities[validation[k], c] = p[k, c];
        }
        return probabilities;
    }

    /// <summary>Fits a fresh model per fold (lazily) and hands back the validation rows with the model that never saw them.</summary>
    private static IEnumerable<(int[] Validation, IClassifier Model, double[,] XValidation)> FitFolds(
        Func<IClassifier> estimator, double[,] X, int[] y, IReadOnlyList<Fold> folds)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        CheckPartition(folds, y.Length);
        foreach (var fold in folds)
        {
            var model = estimator() ?? throw new ArgumentException("returned null instead of a new classifier.", nameof(estimator));
            model.Fit(X.TakeRows(fold.Train), y.TakeRows(fold.Train));
            yield return (fold.Validation, model, X.TakeRows(fold.Validation));
        }
    }

    private static int[] CheckedLabels(int[] y, double[,] X, int? cv = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(X);
        if (y.Length != X.GetLength(0))
            throw new ArgumentException($"y has {y.Length} entries but X has {X.GetLength(0)} rows.", nameof(y));
        if (cv is { } k && (k < 2 || k > y.Length))
            throw new ArgumentOutOfRangeException(nameof(cv), k, $"cross_val_predict needs 2 ≤ cv ≤ {y.Length} (the number of samples).");
        return y;
    }

    private static void CheckPartition(IReadOnlyList<Fold> folds, int count)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var seen = new int[count];
        foreach (var fold in folds)
            foreach (int i in fold.Validation)
            {
                if (i < 0 || i >= count)
                    throw new ArgumentException($"fold {fold.Index} validates sample {i}, outside 0..{count - 1}.", nameof(folds));
                seen[i]++;
            }
        foreach (var fold in folds)
            if (fold.Train.Any(i => i < 0 || i >= count) || fold.Train.Intersect(fold.Validation).Any())
                throw new ArgumentException($"fold {fold.Index} trains on a sample outside 0..{count - 1} or one it also validates.", nameof(folds));
        int bad = Array.FindIndex(seen, s => s != 1);
        if (bad >= 0)
            throw new ArgumentException(
                $"must partition the samples (cross_val_predict needs every sample in exactly one validation fold), but sample {bad} is in {seen[bad]}.", nameof(folds));
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

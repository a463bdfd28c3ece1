using AiLab.Data;

namespace AiLab.Classic;

/// <summary>
/// Stacked generalization (scikit-learn's <c>StackingClassifier</c> with <c>stack_method="predict_proba"</c>): a final
/// estimator learns how to combine the members from their <em>out-of-fold</em> probabilities
/// (<see cref="CrossValidation.CrossValPredictProba(Func{IClassifier}, double[,], int[], IReadOnlyList{Fold})"/>), so
/// it never learns to trust a member's overfitted answers on its own training data. The members used at prediction
/// time are refitted on the whole training set. With two classes only each member's positive-class column is kept
/// (the two columns sum to 1), as scikit-learn does.
/// </summary>
public sealed class StackingClassifier : IClassifier
{
    private readonly (string Name, Func<IClassifier> Create)[] _members;
    private readonly Func<IClassifier> _finalEstimator;
    private ClassEncoding? _encoding;
    private IClassifier[]? _estimators;
    private IClassifier? _final;

    /// <summary>Creates the ensemble.</summary>
    /// <param name="estimators">Named member factories; names must be distinct.</param>
    /// <param name="finalEstimator">Factory of the combiner (default: <c>new LogisticRegression()</c>, as scikit-learn).</param>
    /// <param name="cv">Number of stratified, unshuffled folds for the out-of-fold predictions (scikit-learn's default 5).</param>
    /// <param name="passthrough">Also give the final estimator the original features.</param>
    public StackingClassifier(IReadOnlyList<(string Name, Func<IClassifier> Estimator)> estimators, Func<IClassifier>? finalEstimator = null,
        int cv = 5, bool passthrough = false)
    {
        _members = EnsembleArguments.NamedMembers(estimators, nameof(estimators));
        Guard.AtLeast(cv, 2, nameof(cv));
        _finalEstimator = finalEstimator ?? (() => new LogisticRegression());
        Cv = cv;
        Passthrough = passthrough;
    }

    /// <summary>Number of folds for the out-of-fold predictions.</summary>
    public int Cv { get; }
    /// <summary>Whether the original features are appended to the meta-features.</summary>
    public bool Passthrough { get; }
    /// <summary>Sorted class labels of the training data.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(StackingClassifier)).Classes;
    /// <summary>The members refitted on the whole training set (scikit-learn's <c>estimators_</c>).</summary>
    public IReadOnlyList<IClassifier> Estimators => Guard.Fitted(_estimators, nameof(StackingClassifier));
    /// <summary>The fitted members by name (scikit-learn's <c>named_estimators_</c>).</summary>
    public IReadOnlyDictionary<string, IClassifier> NamedEstimators =>
        _members.Select((m, i) => (m.Name, Estimators[i])).ToDictionary(p => p.Name, p => p.Item2);
    /// <summary>The combiner, fitted on the out-of-fold meta-features (scikit-learn's <c>final_estimator_</c>).</summary>
    public IClassifier FinalEstimator => Guard.Fitted(_final, nameof(StackingClassifier));

    /// <summary>Fits with <see cref="Cv"/> stratified, unshuffled folds. Returns this.</summary>
    public StackingClassifier Fit(double[,] X, int[] y)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        if (Cv > y.Length)
            throw new ArgumentException($"has {y.Length} samples, too few for cv = {Cv} folds.", nameof(X));
        return Fit(X, y, CrossValidation.StratifiedKFold(y, Cv, seed: 0, shuffle: false));
    }

    /// <summary>Fits with the given folds for the out-of-fold predictions (they must partition the samples). Returns this.</summary>
    public StackingClassifier Fit(double[,] X, int[] y, IReadOnlyList<Fold> folds)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        var encoding = new ClassEncoding(y);
        var outOfFold = _members.Select(m => CrossValidation.CrossValPredictProba(() => EnsembleArguments.Create(m.Create, m.Name), X, y, folds)).ToArray();
        var metaFeatures = MetaFeatures(outOfFold, X, encoding.Count);
        _estimators = [.. _members.Select(m => EnsembleArguments.Create(m.Create, m.Name).Fit(X, y))];
        _final = EnsembleArguments.Create(_finalEstimator, "final").Fit(metaFeatures, y);
        _encoding = encoding;
        return this;
    }

    /// <summary>
    /// The final estimator's input for X (scikit-learn's <c>transform</c>): the refitted members' probabilities side by
    /// side (only the positive-class column each for two classes), then X itself when <see cref="Passthrough"/>.
    /// </summary>
    public double[,] Transform(double[,] X)
    {
        var encoding = Guard.Fitted(_encoding, nameof(StackingClassifier));
        Guard.Matrix(X, nameof(X));
        return MetaFeatures([.. Estimators.Select(e => EnsembleArguments.Aligned(e, X, encoding.Classes))], X, encoding.Count);
    }

    /// <summary>The final estimator's class probabilities on the meta-features of X.</summary>
    public double[,] PredictProba(double[,] X) => FinalEstimator.PredictProba(Transform(X));

    /// <summary>The final estimator's predictions on the meta-features of X.</summary>
    public int[] Predict(double[,] X) => FinalEstimator.Predict(Transform(X));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    private double[,] MetaFeatures(double[][,] probabilities, double[,] X, int classCount)
    {
        // Binary problems keep column 1 only: the two probability columns are perfectly collinear.
        var parts = probabilities.Select(p => classCount == 2 ? PositiveClassColumn(p) : p).ToList();
        if (Passthrough)
            parts.Add(X);
        return ArrayExtensions.ConcatColumns(parts);
    }

    private static double[,] PositiveClassColumn(double[,] p)
    {
        var column = new double[p.GetLength(0), 1];
        for (int i = 0; i < column.Length; i++)
            column[i, 0] = p[i, 1];
        return column;
    }
}

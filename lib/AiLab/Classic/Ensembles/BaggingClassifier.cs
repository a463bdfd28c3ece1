namespace AiLab.Classic;

/// <summary>
/// Bootstrap aggregating (Breiman 1996; scikit-learn's <c>BaggingClassifier</c>): each member is fitted on a random
/// draw of the training rows (with replacement when <c>bootstrap</c>) and, optionally, a random subset of the
/// features; predictions average the members' probabilities. Averaging many high-variance, low-bias models such as
/// deep trees lowers the variance and leaves the bias; the rows a member never drew (about 1/e ≈ 37% with the
/// bootstrap) give a free out-of-bag estimate of accuracy.
/// </summary>
public sealed class BaggingClassifier : IClassifier
{
    private readonly Func<int, IClassifier> _estimator;
    private ClassEncoding? _encoding;
    private IClassifier[]? _estimators;
    private int[][]? _samples;
    private int[][]? _features;
    private double[,]? _oobDecisionFunction;
    private int _nFeaturesIn;

    /// <summary>Creates the ensemble.</summary>
    /// <param name="estimator">
    /// Creates a fresh member from a seed drawn for it (scikit-learn sets each member's <c>random_state</c>), e.g.
    /// <c>seed =&gt; new DecisionTreeClassifier(seed: seed)</c>; default: an unpruned decision tree.
    /// </param>
    /// <param name="nEstimators">Number of members, ≥ 1.</param>
    /// <param name="maxSamples">Fraction of the rows each member draws, in (0, 1]: ⌊maxSamples · n⌋ rows, at least one.</param>
    /// <param name="maxFeatures">Fraction of the features each member sees, in (0, 1]: max(1, ⌊maxFeatures · d⌋).</param>
    /// <param name="bootstrap">Draw rows with replacement (true) or without.</param>
    /// <param name="bootstrapFeatures">Draw features with replacement (true) or without.</param>
    /// <param name="oobScore">Compute the out-of-bag accuracy and decision function after fitting.</param>
    /// <param name="seed">Seed of the draws and of the members' seeds.</param>
    public BaggingClassifier(Func<int, IClassifier>? estimator = null, int nEstimators = 10, double maxSamples = 1.0, double maxFeatures = 1.0,
        bool bootstrap = true, bool bootstrapFeatures = false, bool oobScore = false, int seed = 0)
    {
        Guard.AtLeast(nEstimators, 1, nameof(nEstimators));
        Guard.InRange(maxSamples, 0, 1, nameof(maxSamples));
        Guard.InRange(maxFeatures, 0, 1, nameof(maxFeatures));
        if (oobScore && !bootstrap)
            throw new ArgumentException("the out-of-bag estimate needs bootstrap = true (without replacement it depends on maxSamples < 1 only).", nameof(oobScore));
        _estimator = estimator ?? (s => new DecisionTreeClassifier(seed: s));
        NEstimators = nEstimators;
        MaxSamples = maxSamples;
        MaxFeatures = maxFeatures;
        Bootstrap = bootstrap;
        BootstrapFeatures = bootstrapFeatures;
        ComputeOobScore = oobScore;
        Seed = seed;
    }

    /// <summary>Number of members.</summary>
    public int NEstimators { get; }
    /// <summary>Fraction of rows per member.</summary>
    public double MaxSamples { get; }
    /// <summary>Fraction of features per member.</summary>
    public double MaxFeatures { get; }
    /// <summary>Whether rows are drawn with replacement.</summary>
    public bool Bootstrap { get; }
    /// <summary>Whether features are drawn with replacement.</summary>
    public bool BootstrapFeatures { get; }
    /// <summary>Whether the out-of-bag estimate is computed.</summary>
    public bool ComputeOobScore { get; }
    /// <summary>Seed of the draws.</summary>
    public int Seed { get; }

    /// <summary>Sorted class labels of the training data.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(BaggingClassifier)).Classes;
    /// <summary>The fitted members (scikit-learn's <c>estimators_</c>).</summary>
    public IReadOnlyList<IClassifier> Estimators => Guard.Fitted(_estimators, nameof(BaggingClassifier));
    /// <summary>The training rows each member was fitted on, with repeats (scikit-learn's <c>estimators_samples_</c>).</summary>
    public IReadOnlyList<int[]> EstimatorsSamples => Guard.Fitted(_samples, nameof(BaggingClassifier));
    /// <summary>The feature columns each member sees, in the order it sees them (scikit-learn's <c>estimators_features_</c>).</summary>
    public IReadOnlyList<int[]> EstimatorsFeatures => Guard.Fitted(_features, nameof(BaggingClassifier));
    /// <summary>Accuracy of the out-of-bag predictions on the training set (scikit-learn's <c>oob_score_</c>).</summary>
    public double OobScore { get; private set; } = double.NaN;
    /// <summary>
    /// Per training row, the mean probabilities of the members that did not draw it, n × K (scikit-learn's
    /// <c>oob_decision_function_</c>); NaN for a row every member drew (raise <see cref="NEstimators"/>).
    /// </summary>
    public double[,] OobDecisionFunction =>
        _oobDecisionFunction ?? throw new InvalidOperationException("OobDecisionFunction needs oobScore: true and a call to Fit.");

    /// <summary>Fits <see cref="NEstimators"/> members on random draws of (X, y). Returns this.</summary>
    public BaggingClassifier Fit(double[,] X, int[] y)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        int n = X.GetLength(0), d = X.GetLength(1);
        int rowCount = Math.Max(1, (int)(MaxSamples * n)), featureCount = Math.Max(1, (int)(MaxFeatures * d));
        var encoding = new ClassEncoding(y);
        var rng = new Random(Seed);
        var estimators = new IClassifier[NEstimators];
        var samples = new int[NEstimators][];
        var features = new int[NEstimators][];
        for (int m = 0; m < NEstimators; m++)
        {
            int memberSeed = rng.Next();
            var draw = new Random(memberSeed);
            features[m] = Draw(draw, d, featureCount, BootstrapFeatures);
            samples[m] = Draw(draw, n, rowCount, Bootstrap);
            estimators[m] = (_estimator(memberSeed) ?? throw new InvalidOperationException("the estimator factory returned null instead of a new classifier."))
                .Fit(Subset(X, samples[m], features[m]), [.. samples[m].Select(i => y[i])]);
        }
        (_encoding, _estimators, _samples, _features, _nFeaturesIn) = (encoding, estimators, samples, features, d);
        if (ComputeOobScore)
            SetOob(X, y);
        return this;
    }

    /// <summary>The mean of the members' class probabilities, n × K (columns follow <see cref="Classes"/>).</summary>
    public double[,] PredictProba(double[,] X)
    {
        var encoding = Guard.Fitted(_encoding, nameof(BaggingClassifier));
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, _nFeaturesIn, nameof(X), nameof(BaggingClassifier));
        var sum = new double[X.GetLength(0), encoding.Count];
        var allRows = Enumerable.Range(0, X.GetLength(0)).ToArray();
        for (int m = 0; m < Estimators.Count; m++)
            EnsembleArguments.AddProbabilities(sum, Estimators[m], Subset(X, allRows, EstimatorsFeatures[m]), encoding.Classes);
        return EnsembleArguments.Divide(sum, Estimators.Count);
    }

    /// <summary>The class of highest mean probability.</summary>
    public int[] Predict(double[,] X) => Guard.Fitted(_encoding, nameof(BaggingClassifier)).DecodeArgMax(PredictProba(X));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    private void SetOob(double[,] X, int[] y)
    {
        int n = X.GetLength(0), k = Classes.Length;
        var sum = new double[n, k];
        for (int m = 0; m < Estimators.Count; m++)
        {
            var drawn = new bool[n];
            foreach (int i in EstimatorsSamples[m]) drawn[i] = true;
            int[] outOfBag = [.. Enumerable.Range(0, n).Where(i => !drawn[i])];
            if (outOfBag.Length == 0) continue;
            var part = EnsembleArguments.Aligned(Estimators[m], Subset(X, outOfBag, EstimatorsFeatures[m]), Classes);
            for (int r = 0; r < outOfBag.Length; r++)
                for (int c = 0; c < k; c++)
                    sum[outOfBag[r], c] += part[r, c];
        }
        // scikit-learn: accuracy of the argmax of the summed probabilities, then normalize rows (0/0 → NaN).
        OobScore = Scoring.Accuracy(y, Guard.Fitted(_encoding, nameof(BaggingClassifier)).DecodeArgMax(sum));
        for (int i = 0; i < n; i++)
        {
            double total = 0;
            for (int c = 0; c < k; c++) total += sum[i, c];
            for (int c = 0; c < k; c++) sum[i, c] /= total;
        }
        _oobDecisionFunction = sum;
    }

    private static int[] Draw(Random rng, int population, int count, bool withReplacement) =>
        withReplacement ? [.. Enumerable.Range(0, count).Select(_ => rng.Next(population))] : rng.SampleWithoutReplacement(population, count);

    private static double[,] Subset(double[,] X, int[] rows, int[] columns)
    {
        var result = new double[rows.Length, columns.Length];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < columns.Length; c++)
                result[r, c] = X[rows[r], columns[c]];
        return result;
    }
}

namespace AiLab.Classic;

/// <summary>
/// Gradient-boosted trees for binary classification with log-loss (scikit-learn's
/// <c>GradientBoostingClassifier</c> for two classes): F₀ = log-odds of the positive rate, each stage fits a
/// regression tree to y − σ(F) and sets each leaf to one Newton step Σr / Σp(1 − p).
/// </summary>
public sealed class GradientBoostingClassifier : IClassifier
{
    private readonly GradientBoostingEnsemble _ensemble;
    private int[]? _classes;

    /// <inheritdoc cref="GradientBoostingRegressor(int, double, int, int, int, double, int?, int)"/>
    public GradientBoostingClassifier(int nEstimators = 100, double learningRate = 0.1, int maxDepth = 3, int minSamplesSplit = 2,
        int minSamplesLeaf = 1, double subsample = 1.0, int? maxFeatures = null, int seed = 0)
    {
        _ensemble = new(nEstimators, learningRate, maxDepth, minSamplesSplit, minSamplesLeaf, subsample, maxFeatures, seed);
    }

    /// <summary>The two sorted class labels; the second is the positive class.</summary>
    public int[] Classes => Guard.Fitted(_classes, nameof(GradientBoostingClassifier));
    /// <summary>The starting log-odds F₀.</summary>
    public double InitPrediction => _ensemble.InitialRaw;
    /// <summary>The fitted trees, one per stage.</summary>
    public IReadOnlyList<DecisionTreeRegressor> Estimators => _ensemble.Trees;
    /// <summary>Training mean log-loss after each stage (scikit-learn's <c>train_score_</c> is twice this, the deviance).</summary>
    public double[] TrainLoss => _ensemble.TrainLoss;
    /// <summary>Normalized impurity-based importance per feature.</summary>
    public double[] FeatureImportances => _ensemble.FeatureImportances();

    /// <summary>Fits on X and binary labels y, optionally with sample weights. Returns this.</summary>
    public GradientBoostingClassifier Fit(double[,] X, int[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        var encoding = new ClassEncoding(y);
        if (encoding.Count != 2)
            throw new ArgumentException($"GradientBoostingClassifier is binary: y must hold exactly two classes, got {encoding.Count} ([{string.Join(", ", encoding.Classes)}]).", nameof(y));
        var target = encoding.Encode(y).Select(c => (double)c).ToArray();
        _ensemble.Fit(X, target, Guard.SampleWeights(sampleWeight, y.Length), new BinaryLogLoss());
        _classes = encoding.Classes;
        return this;
    }

    /// <summary>Raw log-odds F(x) of the positive class.</summary>
    public double[] DecisionFunction(double[,] X) => _ensemble.Raw(X);

    /// <summary>Class probabilities n × 2: [1 − σ(F), σ(F)].</summary>
    public double[,] PredictProba(double[,] X) => Probabilities(DecisionFunction(X));

    /// <summary>Class probabilities after each stage.</summary>
    public IEnumerable<double[,]> StagedPredictProba(double[,] X) => _ensemble.StagedRaw(X).Select(Probabilities);

    /// <summary>Positive class where F(x) &gt; 0.</summary>
    public int[] Predict(double[,] X) => DecisionFunction(X).Select(f => f > 0 ? Classes[1] : Classes[0]).ToArray();

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    private static double[,] Probabilities(double[] raw)
    {
        var p = new double[raw.Length, 2];
        for (int i = 0; i < raw.Length; i++)
        {
            p[i, 1] = LogisticRegression.Sigmoid(raw[i]);
            p[i, 0] = 1 - p[i, 1];
        }
        return p;
    }
}

namespace AiLab.Classic;

/// <summary>
/// AdaBoost with the multi-class SAMME rule (Zhu et al. 2009; scikit-learn's
/// <c>AdaBoostClassifier(algorithm="SAMME")</c>) on shallow trees, stumps by default. Each round fits a
/// tree to the re-weighted data, gives it weight α = η·(log((1 − err)/err) + log(K − 1)), and multiplies the
/// weights of the samples it got wrong by e^α.
/// </summary>
public sealed class AdaBoostClassifier : IClassifier
{
    private ClassEncoding? _encoding;
    private readonly List<DecisionTreeClassifier> _estimators = [];
    private readonly List<double> _weights = [];
    private readonly List<double> _errors = [];

    /// <summary>Creates the ensemble.</summary>
    /// <param name="nEstimators">Maximum number of boosting rounds.</param>
    /// <param name="learningRate">Shrinkage η of each estimator weight.</param>
    /// <param name="maxDepth">Depth of the base trees (1 = decision stumps).</param>
    public AdaBoostClassifier(int nEstimators = 50, double learningRate = 1.0, int maxDepth = 1)
    {
        Guard.AtLeast(nEstimators, 1, nameof(nEstimators));
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.AtLeast(maxDepth, 1, nameof(maxDepth));
        (NEstimators, LearningRate, MaxDepth) = (nEstimators, learningRate, maxDepth);
    }

    /// <summary>Maximum number of rounds.</summary>
    public int NEstimators { get; }
    /// <summary>Shrinkage of the estimator weights.</summary>
    public double LearningRate { get; }
    /// <summary>Depth of the base trees.</summary>
    public int MaxDepth { get; }

    /// <summary>Sorted class labels.</summary>
    public int[] Classes => Encoding.Classes;

    private ClassEncoding Encoding => Guard.Fitted(_encoding, nameof(AdaBoostClassifier));
    /// <summary>The fitted trees (fewer than <see cref="NEstimators"/> when boosting stopped early on a perfect fit).</summary>
    public IReadOnlyList<DecisionTreeClassifier> Estimators => _estimators;
    /// <summary>Weight α of each fitted tree.</summary>
    public double[] EstimatorWeights => [.. _weights];
    /// <summary>Weighted training error of each fitted tree.</summary>
    public double[] EstimatorErrors => [.. _errors];

    /// <summary>Fits on X and labels y, optionally with initial sample weights. Returns this.</summary>
    public AdaBoostClassifier Fit(double[,] X, int[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0);
        Guard.Labels(y, n, nameof(y), "X's rows");
        var encoding = new ClassEncoding(y);
        if (encoding.Count < 2) throw new ArgumentException($"y needs at least two classes; got only {encoding.Classes[0]}.", nameof(y));
        var w = (double[])Guard.SampleWeights(sampleWeight, n).Clone();
        Normalize(w);
        int k = encoding.Count;
        _estimators.Clear(); _weights.Clear(); _errors.Clear();
        _encoding = encoding;
        var sorted = ColumnOrder.Of(X);
        for (int m = 0; m < NEstimators; m++)
        {
            var tree = new DecisionTreeClassifier(maxDepth: MaxDepth).Fit(sorted, y, w);
            var predicted = tree.Predict(X);
            double error = 0;
            for (int i = 0; i < n; i++) if (predicted[i] != y[i]) error += w[i];
            if (error <= 0)
            {
                // A perfect tree: keep it with weight 1 and stop (more rounds could not change the vote).
                _estimators.Add(tree); _weights.Add(1.0); _errors.Add(0.0);
                break;
            }
            if (error >= 1.0 - 1.0 / k)
            {
                if (_estimators.Count == 0)
                    throw new InvalidOperationException($"The first base tree has weighted error {error:G4} ≥ 1 − 1/K = {1.0 - 1.0 / k:G4}: no better than chance, AdaBoost cannot start.");
                break;
            }
            double alpha = LearningRate * (Math.Log((1 - error) / error) + Math.Log(k - 1));
            _estimators.Add(tree); _weights.Add(alpha); _errors.Add(error);
            if (m == NEstimators - 1) break;
            for (int i = 0; i < n; i++) if (predicted[i] != y[i] && w[i] > 0) w[i] *= Math.Exp(alpha);
            Normalize(w);
        }
        return this;
    }

    /// <summary>Weighted votes per class, n × K, divided by the sum of the estimator weights.</summary>
    public double[,] DecisionFunction(double[,] X) => StagedDecisionFunction(X).Last();

    /// <summary>Decision function after each round (scikit-learn's <c>staged_decision_function</c>).</summary>
    public IEnumerable<double[,]> StagedDecisionFunction(double[,] X)
    {
        var encoding = Encoding;
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, _estimators[0].NFeaturesIn, nameof(X), nameof(AdaBoostClassifier));
        return Stages(X, encoding);
    }

    private IEnumerable<double[,]> Stages(double[,] X, ClassEncoding encoding)
    {
        int n = X.GetLength(0), k = encoding.Count;
        var votes = new double[n, k];
        double totalWeight = 0;
        for (int m = 0; m < _estimators.Count; m++)
        {
            var codes = encoding.Encode(_estimators[m].Predict(X));
            totalWeight += _weights[m];
            for (int i = 0; i < n; i++) votes[i, codes[i]] += _weights[m];
            var scaled = new double[n, k];
            for (int i = 0; i < n; i++)
                for (int c = 0; c < k; c++) scaled[i, c] = votes[i, c] / totalWeight;
            yield return scaled;
        }
    }

    /// <summary>Class probabilities softmax(decision / (K − 1)), as scikit-learn's SAMME.</summary>
    public double[,] PredictProba(double[,] X) => Probabilities(DecisionFunction(X));

    /// <summary>Class with the largest weighted vote.</summary>
    public int[] Predict(double[,] X) => Encoding.DecodeArgMax(DecisionFunction(X));

    /// <summary>Predictions after each round.</summary>
    public IEnumerable<int[]> StagedPredict(double[,] X) => StagedDecisionFunction(X).Select(Encoding.DecodeArgMax);

    /// <summary>Accuracy after each round (for a boosting curve).</summary>
    public IEnumerable<double> StagedScore(double[,] X, int[] y) => StagedPredict(X).Select(p => Scoring.Accuracy(y, p));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));

    /// <summary>Estimator-weighted mean of the trees' feature importances.</summary>
    public double[] FeatureImportances
    {
        get
        {
            _ = Classes;
            var importance = new double[_estimators[0].NFeaturesIn];
            double total = _weights.Sum();
            for (int m = 0; m < _estimators.Count; m++)
            {
                var tree = _estimators[m].FeatureImportances;
                for (int j = 0; j < importance.Length; j++) importance[j] += _weights[m] * tree[j] / total;
            }
            return importance;
        }
    }

    private static double[,] Probabilities(double[,] decision)
    {
        int n = decision.GetLength(0), k = decision.GetLength(1);
        var p = new double[n, k];
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int c = 0; c < k; c++) max = Math.Max(max, decision[i, c]);
            for (int c = 0; c < k; c++) sum += p[i, c] = Math.Exp((decision[i, c] - max) / (k - 1));
            for (int c = 0; c < k; c++) p[i, c] /= sum;
        }
        return p;
    }

    private static void Normalize(double[] w)
    {
        double s = w.Sum();
        for (int i = 0; i < w.Length; i++) w[i] /= s;
    }
}

namespace AiLab.Classic;

/// <summary>
/// Gradient-boosted regression trees with squared error (scikit-learn's <c>GradientBoostingRegressor</c>):
/// F₀ = mean(y), each stage fits a depth-limited tree to the residuals y − F and adds η times it.
/// </summary>
public sealed class GradientBoostingRegressor
{
    private readonly GradientBoostingEnsemble _ensemble;

    /// <summary>Creates the model.</summary>
    /// <param name="nEstimators">Number of boosting stages.</param>
    /// <param name="learningRate">Shrinkage η of each tree.</param>
    /// <param name="maxDepth">Depth of each tree.</param>
    /// <param name="minSamplesSplit">Minimum samples to split a node.</param>
    /// <param name="minSamplesLeaf">Minimum samples per leaf.</param>
    /// <param name="subsample">Fraction of rows drawn (without replacement) per stage; &lt; 1 gives stochastic boosting.</param>
    /// <param name="maxFeatures">Features drawn per node (null = all).</param>
    /// <param name="seed">Seed for subsampling and feature draws.</param>
    public GradientBoostingRegressor(int nEstimators = 100, double learningRate = 0.1, int maxDepth = 3, int minSamplesSplit = 2,
        int minSamplesLeaf = 1, double subsample = 1.0, int? maxFeatures = null, int seed = 0)
    {
        _ensemble = new(nEstimators, learningRate, maxDepth, minSamplesSplit, minSamplesLeaf, subsample, maxFeatures, seed);
    }

    /// <summary>The constant starting prediction F₀ (the weighted mean target).</summary>
    public double InitPrediction => _ensemble.InitialRaw;
    /// <summary>The fitted trees, one per stage.</summary>
    public IReadOnlyList<DecisionTreeRegressor> Estimators => _ensemble.Trees;
    /// <summary>Training mean squared error after each stage.</summary>
    public double[] TrainLoss => _ensemble.TrainLoss;
    /// <summary>Normalized impurity-based importance per feature.</summary>
    public double[] FeatureImportances => _ensemble.FeatureImportances();

    /// <summary>Fits on X and targets y, optionally with sample weights. Returns this.</summary>
    public GradientBoostingRegressor Fit(double[,] X, double[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Vector(y, X.GetLength(0), nameof(y), "X's rows");
        _ensemble.Fit(X, y, Guard.SampleWeights(sampleWeight, y.Length), new SquaredErrorLoss());
        return this;
    }

    /// <summary>Predictions of the full ensemble.</summary>
    public double[] Predict(double[,] X) => _ensemble.Raw(X);

    /// <summary>Predictions after each stage.</summary>
    public IEnumerable<double[]> StagedPredict(double[,] X) => _ensemble.StagedRaw(X);

    /// <summary>R² on (X, y).</summary>
    public double Score(double[,] X, double[] y) => Scoring.R2(y, Predict(X));
}

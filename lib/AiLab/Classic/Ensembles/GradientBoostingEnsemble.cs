namespace AiLab.Classic;

/// <summary>
/// The stage-wise fitting shared by <see cref="GradientBoostingRegressor"/> and
/// <see cref="GradientBoostingClassifier"/>: F₀ = argmin loss, then Fₘ = Fₘ₋₁ + η·treeₘ where treeₘ is a
/// regression tree fitted to the pseudo-residuals (on a random subsample when subsample &lt; 1).
/// </summary>
internal sealed class GradientBoostingEnsemble
{
    private readonly int _nEstimators, _maxDepth, _minSamplesSplit, _minSamplesLeaf, _seed;
    private readonly int? _maxFeatures;
    private readonly double _learningRate, _subsample;
    private readonly List<DecisionTreeRegressor> _trees = [];

    public GradientBoostingEnsemble(int nEstimators, double learningRate, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
        double subsample, int? maxFeatures, int seed)
    {
        Guard.AtLeast(nEstimators, 1, nameof(nEstimators));
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.AtLeast(maxDepth, 1, nameof(maxDepth));
        Guard.AtLeast(minSamplesSplit, 2, nameof(minSamplesSplit));
        Guard.AtLeast(minSamplesLeaf, 1, nameof(minSamplesLeaf));
        Guard.InRange(subsample, 0, 1, nameof(subsample));
        if (maxFeatures is { } m) Guard.AtLeast(m, 1, nameof(maxFeatures));
        (_nEstimators, _learningRate, _maxDepth, _minSamplesSplit, _minSamplesLeaf, _subsample, _maxFeatures, _seed) =
            (nEstimators, learningRate, maxDepth, minSamplesSplit, minSamplesLeaf, subsample, maxFeatures, seed);
    }

    public double InitialRaw { get; private set; }
    public IReadOnlyList<DecisionTreeRegressor> Trees => _trees;
    public double[] TrainLoss { get; private set; } = [];
    public int NFeaturesIn { get; private set; }

    public void Fit(double[,] x, double[] y, double[] w, BoostingLoss loss)
    {
        int n = x.GetLength(0);
        var rng = new Random(_seed);
        NFeaturesIn = x.GetLength(1);
        InitialRaw = loss.InitialRaw(y, w);
        var raw = Enumerable.Repeat(InitialRaw, n).ToArray();
        var residual = new double[n];
        var stageWeight = new double[n];
        int inBag = Math.Max(1, (int)(_subsample * n));
        var sorted = ColumnOrder.Of(x);
        _trees.Clear();
        TrainLoss = new double[_nEstimators];
        for (int m = 0; m < _nEstimators; m++)
        {
            loss.NegativeGradient(y, raw, residual);
            if (_subsample < 1.0)
            {
                Array.Clear(stageWeight);
                foreach (int i in rng.SampleWithoutReplacement(n, inBag)) stageWeight[i] = w[i];
            }
            else
            {
                Array.Copy(w, stageWeight, n);
            }
            var tree = new DecisionTreeRegressor(_maxDepth, _minSamplesSplit, _minSamplesLeaf, _maxFeatures, seed: rng.Next())
                .Fit(sorted, residual, stageWeight);
            var leaves = tree.Apply(x);
            loss.UpdateLeaves(tree, leaves, y, residual, stageWeight);
            var step = tree.Predict(x);
            for (int i = 0; i < n; i++) raw[i] += _learningRate * step[i];
            _trees.Add(tree);
            TrainLoss[m] = loss.Loss(y, raw, w);
        }
    }

    /// <summary>Raw scores after every stage (the last one is the model's output).</summary>
    public IEnumerable<double[]> StagedRaw(double[,] x)
    {
        if (_trees.Count == 0) throw new InvalidOperationException("The gradient boosting model is not fitted yet: call Fit first.");
        Guard.Matrix(x, "X");
        Guard.Features(x, NFeaturesIn, "X", "the gradient boosting model");
        return Stages(x);
    }

    private IEnumerable<double[]> Stages(double[,] x)
    {
        var raw = Enumerable.Repeat(InitialRaw, x.GetLength(0)).ToArray();
        foreach (var tree in _trees)
        {
            var step = tree.Predict(x);
            for (int i = 0; i < raw.Length; i++) raw[i] += _learningRate * step[i];
            yield return (double[])raw.Clone();
        }
    }

    public double[] Raw(double[,] x) => StagedRaw(x).Last();

    /// <summary>Mean of the trees' unnormalized impurity decreases, normalized to sum 1 (as scikit-learn).</summary>
    public double[] FeatureImportances()
    {
        var importance = new double[NFeaturesIn];
        var relevant = _trees.Where(t => t.NodeCount > 1).ToList();
        foreach (var tree in relevant)
        {
            var t = tree.UnnormalizedFeatureImportances;
            for (int j = 0; j < importance.Length; j++) importance[j] += t[j] / relevant.Count;
        }
        double total = importance.Sum();
        if (total > 0) for (int j = 0; j < importance.Length; j++) importance[j] /= total;
        return importance;
    }
}

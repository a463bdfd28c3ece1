using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// LIME for tabular data (Ribeiro, Singh &amp; Guestrin 2016; <c>lime.lime_tabular</c> with continuous features):
/// sample points around x with Gaussian noise of one training standard deviation per feature, weight them
/// by an exponential kernel √exp(−D²/w²) on their standardized distance D to x, and fit a weighted ridge
/// regression of f on the standardized features. Its coefficients are the local explanation.
/// </summary>
public sealed class LimeTabularExplainer
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    /// <summary>Creates the explainer from training data (for feature means and standard deviations).</summary>
    /// <param name="trainingData">Training rows, n × d.</param>
    /// <param name="featureNames">Optional names (default x0, x1, …).</param>
    /// <param name="kernelWidth">Kernel width w in standardized units (default 0.75·√d, as lime).</param>
    /// <param name="seed">Seed of the perturbations; each explanation restarts from it.</param>
    public LimeTabularExplainer(double[,] trainingData, string[]? featureNames = null, double? kernelWidth = null, int seed = 0)
    {
        Guard.Matrix(trainingData, nameof(trainingData));
        int n = trainingData.GetLength(0), d = trainingData.GetLength(1);
        if (kernelWidth is { } w) Guard.Positive(w, nameof(kernelWidth));
        _mean = trainingData.ColumnMeans();
        _scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double variance = 0;
            for (int i = 0; i < n; i++) variance += (trainingData[i, j] - _mean[j]) * (trainingData[i, j] - _mean[j]) / n;
            // A constant feature gets scale 1, as scikit-learn's StandardScaler.
            _scale[j] = variance > 0 ? Math.Sqrt(variance) : 1.0;
        }
        FeatureNames = ExplainChecks.FeatureNames(featureNames, d);
        KernelWidth = kernelWidth ?? 0.75 * Math.Sqrt(d);
        Seed = seed;
    }

    /// <summary>Feature names.</summary>
    public string[] FeatureNames { get; }
    /// <summary>Kernel width in standardized units.</summary>
    public double KernelWidth { get; }
    /// <summary>Seed of the perturbations.</summary>
    public int Seed { get; }

    /// <summary>Fits the local surrogate of <paramref name="model"/> around <paramref name="x"/>.</summary>
    /// <param name="x">The row to explain.</param>
    /// <param name="model">Batch model: n × d in, one output per row (e.g. the probability of a class).</param>
    /// <param name="numSamples">Perturbed samples (the first is x itself).</param>
    /// <param name="alpha">Ridge penalty of the surrogate (lime uses 1).</param>
    public LimeExplanation ExplainInstance(double[] x, Func<double[,], double[]> model, int numSamples = 5000, double alpha = 1.0)
    {
        int d = _mean.Length;
        Guard.Vector(x, d, nameof(x), "the training data's features");
        ArgumentNullException.ThrowIfNull(model);
        Guard.AtLeast(numSamples, 2, nameof(numSamples));
        Guard.NonNegative(alpha, nameof(alpha));
        var rng = new Random(Seed);
        var samples = new double[numSamples, d];
        var standardized = new double[numSamples, d];
        var weights = new double[numSamples];
        for (int s = 0; s < numSamples; s++)
        {
            double squaredDistance = 0;
            for (int j = 0; j < d; j++)
            {
                double noise = s == 0 ? 0 : rng.NextGaussian();
                samples[s, j] = x[j] + noise * _scale[j];
                standardized[s, j] = (samples[s, j] - _mean[j]) / _scale[j];
                squaredDistance += noise * noise; // the standardized distance to x
            }
            weights[s] = Math.Sqrt(Math.Exp(-squaredDistance / (KernelWidth * KernelWidth)));
        }
        var outputs = model(samples) ?? throw new InvalidOperationException("The model returned null.");
        if (outputs.Length != numSamples)
            throw new InvalidOperationException($"The model returned {outputs.Length} outputs for {numSamples} rows; it must return one per row.");
        if (outputs.Any(v => !double.IsFinite(v))) throw new InvalidOperationException("The model returned a non-finite output.");

        var (coef, intercept) = LeastSquares.Fit(standardized, outputs, weights, alpha, fitIntercept: true);
        var fitted = new double[numSamples];
        for (int s = 0; s < numSamples; s++) fitted[s] = intercept + Rows.Dot(standardized.Row(s), coef);
        return new LimeExplanation(intercept, coef, (double[])_scale.Clone(), WeightedR2(outputs, fitted, weights), fitted[0], outputs[0], FeatureNames);
    }

    private static double WeightedR2(double[] y, double[] fitted, double[] w)
    {
        double total = w.Sum(), mean = 0;
        for (int i = 0; i < y.Length; i++) mean += w[i] * y[i] / total;
        double residual = 0, spread = 0;
        for (int i = 0; i < y.Length; i++)
        {
            residual += w[i] * (y[i] - fitted[i]) * (y[i] - fitted[i]);
            spread += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        // A model constant near x is fitted perfectly by the intercept.
        return spread > 0 ? 1 - residual / spread : 1.0;
    }
}

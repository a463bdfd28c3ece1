using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// KernelSHAP (Lundberg &amp; Lee 2017, following the shap package's <c>KernelExplainer</c>): Shapley values as
/// the solution of a weighted least-squares fit of coalition values v(S) with the Shapley kernel
/// π(S) ∝ (M − 1) / (C(M, |S|) · |S| · (M − |S|)). Coalition sizes are enumerated completely, smallest and
/// largest first, while the budget allows; the rest are sampled from the kernel's size distribution with
/// complement pairs. Efficiency Σφ = f(x) − E[f] holds exactly by eliminating one unknown. With a budget of
/// at least 2^M − 2 coalitions every coalition is enumerated and the result equals the exact Shapley values.
/// Features whose value equals every background value cannot change the prediction and get φ = 0.
/// </summary>
public sealed class KernelExplainer
{
    private readonly ShapModel _model;

    /// <summary>Creates the explainer and evaluates E[f] on the background.</summary>
    /// <param name="model">Batch model: n × d in, one output per row.</param>
    /// <param name="background">Rows standing in for unknown features (summarize large sets with <see cref="ShapBackground.KMeans"/>).</param>
    /// <param name="backgroundWeights">Optional weight per background row.</param>
    /// <param name="featureNames">Optional names (default x0, x1, …).</param>
    /// <param name="seed">Seed of the coalition sampling; each <see cref="Explain(double[,], int?)"/> call restarts from it.</param>
    public KernelExplainer(Func<double[,], double[]> model, double[,] background, double[]? backgroundWeights = null, string[]? featureNames = null, int seed = 0)
    {
        _model = new ShapModel(model, background, backgroundWeights, featureNames);
        Seed = seed;
    }

    /// <summary>E[f] over the background.</summary>
    public double ExpectedValue => _model.ExpectedValue;

    /// <summary>Feature names.</summary>
    public string[] FeatureNames => _model.FeatureNames;

    /// <summary>Seed of the coalition sampling.</summary>
    public int Seed { get; }

    /// <summary>Approximate Shapley values of every row of X.</summary>
    /// <param name="X">Rows to explain.</param>
    /// <param name="nSamples">Coalitions evaluated per row (default 2M + 2048, M = number of varying features).</param>
    public ShapExplanation Explain(double[,] X, int? nSamples = null)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0), d = _model.Features;
        Guard.Features(X, d, nameof(X), nameof(KernelExplainer));
        if (nSamples is { } budget) Guard.AtLeast(budget, 1, nameof(nSamples));
        var rng = new Random(Seed);
        var values = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            var phi = ExplainRow(X.RowCopy(i), nSamples, rng);
            phi.CopyTo(values.Row(i));
        }
        return new ShapExplanation(ExpectedValue, values, (double[,])X.Clone(), FeatureNames);
    }

    /// <summary>Approximate Shapley values of one row.</summary>
    public ShapExplanation Explain(double[] x, int? nSamples = null) => Explain(x.AsRowMatrix(), nSamples);

    private double[] ExplainRow(double[] x, int? nSamples, Random rng)
    {
        int d = _model.Features;
        var phi = new double[d];
        var varying = VaryingFeatures(x);
        int m = varying.Length;
        if (m == 0) return phi;
        double fx = _model.Evaluate(x.AsRowMatrix())[0];
        double gap = fx - ExpectedValue;
        if (m == 1)
        {
            phi[varying[0]] = gap;
            return phi;
        }

        int budget = nSamples ?? 2 * m + 2048;
        if (m <= 30) budget = (int)Math.Min(budget, (1L << m) - 2);
        var (coalitions, kernelWeights) = new CoalitionSampler(m, rng).Sample(budget);

        // Coalition values over the full feature set: features outside `varying` equal the background anyway.
        var masks = new bool[coalitions.Count, d];
        for (int c = 0; c < coalitions.Count; c++)
            for (int k = 0; k < m; k++) masks[c, varying[k]] = coalitions[c][k];
        var v = _model.CoalitionValues(x, masks);

        // Eliminate the last varying feature with φ_last = gap − Σ others, then solve the unconstrained WLS:
        // v(S) − E[f] − z_last·gap ≈ Σ_{k<last} (z_k − z_last) φ_k.
        var design = new double[coalitions.Count, m - 1];
        var target = new double[coalitions.Count];
        for (int c = 0; c < coalitions.Count; c++)
        {
            double last = coalitions[c][m - 1] ? 1 : 0;
            for (int k = 0; k < m - 1; k++) design[c, k] = (coalitions[c][k] ? 1 : 0) - last;
            target[c] = v[c] - ExpectedValue - last * gap;
        }
        var (coef, _) = LeastSquares.Fit(design, target, kernelWeights, alpha: 0, fitIntercept: false);
        for (int k = 0; k < m - 1; k++) phi[varying[k]] = coef[k];
        phi[varying[m - 1]] = gap - coef.Sum();
        return phi;
    }

    /// <summary>Features where x differs from at least one background row (the others have φ = 0 exactly).</summary>
    private int[] VaryingFeatures(double[] x)
    {
        var background = _model.Background;
        return Enumerable.Range(0, _model.Features)
            .Where(j => Enumerable.Range(0, background.GetLength(0)).Any(r => background[r, j] != x[j]))
            .ToArray();
    }
}

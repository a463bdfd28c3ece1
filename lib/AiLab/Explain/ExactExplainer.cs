using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// Exact Shapley values by enumerating all 2^d coalitions (d ≤ 20; the shap package's <c>Exact</c>
/// explainer): φᵢ = Σ_{S ⊆ N∖{i}} |S|!(d − |S| − 1)!/d! · (v(S ∪ {i}) − v(S)), with the interventional value
/// v(S) = E_b[f(x_S, b_{−S})] over a background set. Cost: 2^d · |background| model rows per explained row.
/// </summary>
public sealed class ExactExplainer
{
    /// <summary>Largest number of features enumerated (2^20 coalitions); use <see cref="KernelExplainer"/> beyond.</summary>
    public const int MaxFeatures = 20;

    private readonly ShapModel _model;

    /// <summary>Creates the explainer and evaluates E[f] on the background.</summary>
    /// <param name="model">Batch model: n × d in, one output per row (a probability, logit or regression value).</param>
    /// <param name="background">Rows whose values stand in for "unknown" features (e.g. 50–100 training rows).</param>
    /// <param name="backgroundWeights">Optional weight per background row (e.g. k-means cluster sizes).</param>
    /// <param name="featureNames">Optional names (default x0, x1, …).</param>
    public ExactExplainer(Func<double[,], double[]> model, double[,] background, double[]? backgroundWeights = null, string[]? featureNames = null)
    {
        _model = new ShapModel(model, background, backgroundWeights, featureNames);
        if (_model.Features > MaxFeatures)
            throw new ArgumentException($"ExactExplainer enumerates 2^d coalitions; d = {_model.Features} > {MaxFeatures}. Use KernelExplainer.", nameof(background));
    }

    /// <summary>E[f] over the background: the base value of every explanation.</summary>
    public double ExpectedValue => _model.ExpectedValue;

    /// <summary>Feature names.</summary>
    public string[] FeatureNames => _model.FeatureNames;

    /// <summary>Exact Shapley values of every row of X.</summary>
    public ShapExplanation Explain(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0), d = _model.Features;
        Guard.Features(X, d, nameof(X), nameof(ExactExplainer));
        int coalitions = 1 << d;
        var masks = new bool[coalitions, d];
        for (int s = 0; s < coalitions; s++)
            for (int j = 0; j < d; j++) masks[s, j] = (s >> j & 1) == 1;
        var weightBySize = ShapleyWeights(d);
        var values = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            var v = _model.CoalitionValues(X.Row(i), masks);
            for (int s = 0; s < coalitions; s++)
            {
                int size = int.PopCount(s);
                if (size == d) continue; // the full coalition only appears as S ∪ {i}
                double w = weightBySize[size];
                for (int j = 0; j < d; j++)
                    if ((s >> j & 1) == 0) values[i, j] += w * (v[s | 1 << j] - v[s]);
            }
        }
        return new ShapExplanation(ExpectedValue, values, (double[,])X.Clone(), FeatureNames);
    }

    /// <summary>Exact Shapley values of one row.</summary>
    public ShapExplanation Explain(double[] x) => Explain(x.AsRowMatrix());

    /// <summary>|S|!(d − |S| − 1)!/d! for |S| = 0..d−1, computed as 1 / (d · C(d−1, |S|)) to avoid factorials.</summary>
    internal static double[] ShapleyWeights(int d)
    {
        var w = new double[d];
        double binomial = 1; // C(d − 1, s)
        for (int s = 0; s < d; s++)
        {
            w[s] = 1.0 / (d * binomial);
            binomial = binomial * (d - 1 - s) / (s + 1);
        }
        return w;
    }
}

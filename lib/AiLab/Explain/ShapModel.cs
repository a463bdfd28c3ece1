using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// The model, background set and feature names shared by the Shapley explainers, and the interventional
/// coalition value v(S) = Σ_b w_b · f(x_S, b_{−S}): features in S take the explained row's values, the
/// others the background row's. Evaluations are batched so the model sees large matrices.
/// </summary>
internal sealed class ShapModel
{
    // Rows per model call: large enough to amortize a tensor model's overhead, small enough to bound memory.
    private const int ChunkRows = 1 << 15;

    private readonly Func<double[,], double[]> _model;

    public ShapModel(Func<double[,], double[]> model, double[,] background, double[]? backgroundWeights, string[]? featureNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Matrix(background, nameof(background));
        int b = background.GetLength(0), d = background.GetLength(1);
        if (backgroundWeights is not null)
        {
            Guard.Vector(backgroundWeights, b, nameof(backgroundWeights), "background's rows");
            if (backgroundWeights.Any(w => w < 0) || backgroundWeights.Sum() <= 0)
                throw new ArgumentException("backgroundWeights must be non-negative with a positive sum.", nameof(backgroundWeights));
        }
        var weights = backgroundWeights ?? Enumerable.Repeat(1.0, b).ToArray();
        double total = weights.Sum();
        _model = model;
        Background = (double[,])background.Clone();
        Weights = weights.Select(w => w / total).ToArray();
        FeatureNames = ExplainChecks.FeatureNames(featureNames, d);
        var outputs = Evaluate(Background);
        ExpectedValue = 0;
        for (int i = 0; i < b; i++) ExpectedValue += Weights[i] * outputs[i];
    }

    public double[,] Background { get; }
    public double[] Weights { get; }
    public string[] FeatureNames { get; }
    public int Features => Background.GetLength(1);
    /// <summary>E[f] = Σ_b w_b f(b).</summary>
    public double ExpectedValue { get; }

    /// <summary>Calls the model and checks it returned one finite output per row.</summary>
    public double[] Evaluate(double[,] rows)
    {
        var outputs = _model(rows) ?? throw new InvalidOperationException("The model returned null.");
        if (outputs.Length != rows.GetLength(0))
            throw new InvalidOperationException($"The model returned {outputs.Length} outputs for {rows.GetLength(0)} rows; it must return one per row.");
        for (int i = 0; i < outputs.Length; i++)
            if (!double.IsFinite(outputs[i]))
                throw new InvalidOperationException($"The model returned {outputs[i]} for row {i}; outputs must be finite.");
        return outputs;
    }

    /// <summary>v(S) for every coalition row of <paramref name="masks"/> (m × d, true = feature taken from x).</summary>
    public double[] CoalitionValues(ReadOnlySpan<double> x, bool[,] masks)
    {
        int m = masks.GetLength(0), d = Features, b = Background.GetLength(0);
        var values = new double[m];
        int masksPerChunk = Math.Max(1, ChunkRows / b);
        for (int first = 0; first < m; first += masksPerChunk)
        {
            int count = Math.Min(masksPerChunk, m - first);
            var rows = new double[count * b, d];
            for (int c = 0; c < count; c++)
                for (int r = 0; r < b; r++)
                {
                    var row = rows.Row(c * b + r);
                    var source = Background.Row(r);
                    for (int j = 0; j < d; j++) row[j] = masks[first + c, j] ? x[j] : source[j];
                }
            var outputs = Evaluate(rows);
            for (int c = 0; c < count; c++)
            {
                double v = 0;
                for (int r = 0; r < b; r++) v += Weights[r] * outputs[c * b + r];
                values[first + c] = v;
            }
        }
        return values;
    }
}

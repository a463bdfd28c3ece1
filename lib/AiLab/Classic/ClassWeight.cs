namespace AiLab.Classic;

/// <summary>
/// Per-class weights multiplied into the sample weights (scikit-learn's <c>class_weight</c>):
/// <see cref="Balanced"/> = n / (K · count(class)), or explicit weights per label.
/// </summary>
public sealed class ClassWeight
{
    private readonly IReadOnlyDictionary<int, double>? _explicit;

    private ClassWeight(IReadOnlyDictionary<int, double>? weights) => _explicit = weights;

    /// <summary>Weights inversely proportional to class frequencies in the training labels.</summary>
    public static ClassWeight Balanced { get; } = new(null);

    /// <summary>Explicit weight per class label; labels not listed get weight 1.</summary>
    public static ClassWeight Of(IReadOnlyDictionary<int, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (label, w) in weights)
            if (!(w >= 0) || !double.IsFinite(w))
                throw new ArgumentException($"Class weight for label {label} is {w}; weights must be non-negative and finite.", nameof(weights));
        return new(weights);
    }

    /// <summary>Sample weights times the weight of each sample's class (<paramref name="codes"/> index <paramref name="classes"/>).</summary>
    internal double[] Apply(double[] sampleWeight, int[] classes, int[] codes)
    {
        var perClass = new double[classes.Length];
        if (_explicit is null)
        {
            var counts = new int[classes.Length];
            foreach (int c in codes) counts[c]++;
            for (int k = 0; k < classes.Length; k++) perClass[k] = (double)codes.Length / (classes.Length * counts[k]);
        }
        else
        {
            for (int k = 0; k < classes.Length; k++) perClass[k] = _explicit.TryGetValue(classes[k], out double w) ? w : 1.0;
        }
        var result = new double[codes.Length];
        for (int i = 0; i < codes.Length; i++) result[i] = sampleWeight[i] * perClass[codes[i]];
        return result;
    }
}

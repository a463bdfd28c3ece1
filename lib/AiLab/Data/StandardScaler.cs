namespace AiLab.Data;

/// <summary>
/// Standardises each feature to zero mean and unit variance: <c>x' = (x − mean) / std</c>, with the
/// population standard deviation (divide by n) of the training data, as scikit-learn's <c>StandardScaler</c>.
/// A constant feature gets scale 1.
/// </summary>
public sealed class StandardScaler : FeatureScaler
{
    /// <summary>Per-feature mean of the training data (scikit-learn's <c>mean_</c>).</summary>
    public double[] Mean => (double[])Offsets.Clone();

    /// <summary>Per-feature scale, the population standard deviation or 1 for a constant feature (<c>scale_</c>).</summary>
    public double[] Scale => (double[])Scales.Clone();

    /// <summary>Learns each feature's mean and standard deviation from <paramref name="x"/> (n × d), ignoring NaN.</summary>
    public StandardScaler Fit(double[,] x)
    {
        var columns = PresentColumns(x);
        double[] means = [.. columns.Select(values => values.Average())];
        double[] stds = [.. columns.Select((values, j) => Math.Sqrt(values.Sum(v => (v - means[j]) * (v - means[j])) / values.Length))];
        SetParameters(means, stds);
        return this;
    }

    /// <summary>Fits on a single-feature series.</summary>
    public StandardScaler Fit(double[] values) => Fit(AsColumn(values));

    /// <summary><see cref="Fit(double[,])"/> then <see cref="FeatureScaler.Transform(double[,])"/> on the same data.</summary>
    public double[,] FitTransform(double[,] x) => Fit(x).Transform(x);
}

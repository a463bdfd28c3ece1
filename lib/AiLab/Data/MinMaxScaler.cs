namespace AiLab.Data;

/// <summary>
/// Rescales each feature linearly so the training data's minimum maps to <see cref="RangeMin"/> and its
/// maximum to <see cref="RangeMax"/> (scikit-learn's <c>MinMaxScaler</c>). Test data may fall outside the
/// range. A constant feature maps to <see cref="RangeMin"/>.
/// </summary>
public sealed class MinMaxScaler : FeatureScaler
{
    private double[]? dataMin;
    private double[]? dataMax;

    /// <summary>A scaler onto [<paramref name="min"/>, <paramref name="max"/>] (default [0, 1]).</summary>
    public MinMaxScaler(double min = 0, double max = 1)
    {
        if (!(min < max))
            throw new ArgumentException($"The feature range needs min < max; got [{min}, {max}].", nameof(min));
        RangeMin = min;
        RangeMax = max;
    }

    /// <summary>Lower end of the target range.</summary>
    public double RangeMin { get; }

    /// <summary>Upper end of the target range.</summary>
    public double RangeMax { get; }

    /// <summary>Per-feature minimum of the training data (<c>data_min_</c>).</summary>
    public double[] DataMin => (double[])(dataMin ?? throw NotFitted()).Clone();

    /// <summary>Per-feature maximum of the training data (<c>data_max_</c>).</summary>
    public double[] DataMax => (double[])(dataMax ?? throw NotFitted()).Clone();

    /// <summary>Learns each feature's minimum and maximum from <paramref name="x"/> (n × d), ignoring NaN.</summary>
    public MinMaxScaler Fit(double[,] x)
    {
        var columns = PresentColumns(x);
        double[] minimum = [.. columns.Select(values => values.Min())];
        double[] maximum = [.. columns.Select(values => values.Max())];
        // x' = (x − min) / (max − min) · (b − a) + a  =  (x − offset) / scale
        double[] scales = [.. minimum.Select((low, j) => (maximum[j] - low) / (RangeMax - RangeMin))];
        double[] scalesOrOne = [.. scales.Select(scale => scale == 0 ? 1.0 / (RangeMax - RangeMin) : scale)];
        double[] offsets = [.. minimum.Select((low, j) => low - RangeMin * scalesOrOne[j])];
        SetParameters(offsets, scalesOrOne);
        dataMin = minimum;
        dataMax = maximum;
        return this;
    }

    /// <summary>Fits on a single-feature series.</summary>
    public MinMaxScaler Fit(double[] values) => Fit(AsColumn(values));

    /// <summary><see cref="Fit(double[,])"/> then <see cref="FeatureScaler.Transform(double[,])"/> on the same data.</summary>
    public double[,] FitTransform(double[,] x) => Fit(x).Transform(x);
}

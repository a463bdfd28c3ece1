namespace AiLab.Metrics;

/// <summary>
/// Order statistics and robust location/scale with NumPy's and SciPy's semantics: quantiles and percentiles by
/// NumPy's default ("linear", Hyndman–Fan type 7) method, the median as <c>numpy.median</c>, the median absolute
/// deviation as <c>scipy.stats.median_abs_deviation</c>, and the Iglewicz–Hoaglin modified z-score. This is the
/// library's single quantile implementation; the drift, calibration and bootstrap metrics use it too.
/// </summary>
public static class Statistics
{
    /// <summary>The Iglewicz–Hoaglin constant Φ⁻¹(0.75) ≈ 0.6745: MAD/0.6745 estimates σ for normal data.</summary>
    public const double ModifiedZScoreConstant = 0.6745;

    /// <summary>The q-quantile of <paramref name="values"/>, as <c>numpy.quantile(values, q)</c> (linear method).</summary>
    /// <param name="values">The sample, non-empty, finite (any order).</param>
    /// <param name="q">Probability in [0, 1].</param>
    public static double Quantile(ReadOnlySpan<double> values, double q) => QuantileOfSorted(Checked(values, nameof(values)), q);

    /// <summary>Several quantiles of one sample (sorted once), as <c>numpy.quantile(values, q)</c> with an array q.</summary>
    /// <param name="values">The sample, non-empty, finite (any order).</param>
    /// <param name="q">Probabilities, each in [0, 1].</param>
    public static double[] Quantile(ReadOnlySpan<double> values, ReadOnlySpan<double> q)
    {
        double[] sorted = Checked(values, nameof(values));
        var result = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
            result[i] = QuantileOfSorted(sorted, q[i]);
        return result;
    }

    /// <summary>The p-th percentile, as <c>numpy.percentile(values, p)</c>: the quantile at p / 100.</summary>
    /// <param name="values">The sample, non-empty, finite (any order).</param>
    /// <param name="p">Percentage in [0, 100].</param>
    public static double Percentile(ReadOnlySpan<double> values, double p)
    {
        if (!(p >= 0 && p <= 100))
            throw new ArgumentOutOfRangeException(nameof(p), p, "must lie in [0, 100].");
        return Quantile(values, p / 100);
    }

    /// <summary>Several percentiles of one sample, as <c>numpy.percentile(values, p)</c> with an array p.</summary>
    /// <param name="values">The sample, non-empty, finite (any order).</param>
    /// <param name="p">Percentages, each in [0, 100].</param>
    public static double[] Percentile(ReadOnlySpan<double> values, ReadOnlySpan<double> p)
    {
        var q = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
            q[i] = !(p[i] >= 0 && p[i] <= 100)
                ? throw new ArgumentOutOfRangeException(nameof(p), p[i], $"element {i} must lie in [0, 100].")
                : p[i] / 100;
        return Quantile(values, q);
    }

    /// <summary>The median, as <c>numpy.median</c>: the middle value, or the mean of the two middle values.</summary>
    /// <param name="values">The sample, non-empty, finite (any order).</param>
    public static double Median(ReadOnlySpan<double> values) => MedianOfSorted(Checked(values, nameof(values)));

    /// <summary>
    /// Median absolute deviation median(|x − median(x)|) / <paramref name="scale"/>, as
    /// <c>scipy.stats.median_abs_deviation(values, scale=scale)</c>. A robust spread: unlike the standard deviation
    /// it ignores up to half the sample being outliers. Pass <c>scale: 0.6744897501960817</c> (Φ⁻¹(3/4), SciPy's
    /// <c>scale="normal"</c>; the result is then 1.4826 · MAD) to estimate σ of normal data.
    /// </summary>
    /// <param name="values">The sample, non-empty, finite.</param>
    /// <param name="scale">Divisor of the result, positive (SciPy's default 1).</param>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> values, double scale = 1.0)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be a positive finite number.");
        double median = Median(values);
        var deviations = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            deviations[i] = Math.Abs(values[i] - median);
        Array.Sort(deviations);
        return MedianOfSorted(deviations) / scale;
    }

    /// <summary>
    /// Iglewicz–Hoaglin modified z-scores 0.6745 · (x − median) / MAD: a z-score built from the median and the
    /// median absolute deviation, so the outliers it should flag do not inflate the scale that judges them. They
    /// recommend flagging |z| &gt; 3.5.
    /// </summary>
    /// <param name="values">The sample, non-empty, finite; its MAD must be positive (fewer than half the values equal to the median).</param>
    public static double[] RobustZScore(ReadOnlySpan<double> values)
    {
        double mad = MedianAbsoluteDeviation(values);
        if (mad == 0)
            throw new ArgumentException("has a median absolute deviation of 0 (at least half the values equal the median), so the robust z-score is undefined.", nameof(values));
        double median = Median(values);
        var z = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            z[i] = ModifiedZScoreConstant * (values[i] - median) / mad;
        return z;
    }

    /// <summary>Sorted copy of the values (NaN rejected by the callers' checks).</summary>
    internal static double[] Sorted(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// The q-quantile of already sorted values, as <c>numpy.quantile(values, q)</c>: position q·(n−1), linear
    /// interpolation between the neighbours, evaluated from the nearer end exactly as NumPy's <c>_lerp</c> does.
    /// </summary>
    internal static double QuantileOfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
            throw new ArgumentException("cannot take a quantile of no values.", nameof(sorted));
        if (!(q >= 0 && q <= 1))
            throw new ArgumentOutOfRangeException(nameof(q), q, "must lie in [0, 1].");
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
            return sorted[^1];
        double t = position - below;
        double a = sorted[below], b = sorted[below + 1];
        double difference = b - a;
        // NumPy interpolates from the upper neighbour when t >= 0.5, which keeps the result monotone in q.
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /// <summary>Median of already sorted values; the mean of the middle pair is taken as NumPy does, (a + b) / 2.</summary>
    internal static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double[] Checked(ReadOnlySpan<double> values, string name)
    {
        MetricArguments.NotEmpty(values.Length, name);
        MetricArguments.Finite(values, name);
        return Sorted(values);
    }
}

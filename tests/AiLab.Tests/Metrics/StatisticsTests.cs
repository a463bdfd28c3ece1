using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

/// <summary>Statistics against NumPy (quantile, percentile, median) and SciPy (median_abs_deviation); the robust z-score against its NumPy formula.</summary>
public sealed class StatisticsTests
{
    public static TheoryData<string> QuantileCases => Names("quantile_cases");
    public static TheoryData<string> RobustCases => Names("robust");

    [Theory]
    [MemberData(nameof(QuantileCases))]
    public void QuantilePercentileMedian_MatchNumpy(string name)
    {
        var c = Case("quantile_cases", name);
        double[] values = Doubles(c.GetProperty("values")), q = Doubles(c.GetProperty("q")), p = Doubles(c.GetProperty("p"));
        // Exact: the same interpolation, evaluated in the same order as NumPy's _lerp.
        Close.Equal(Doubles(c.GetProperty("quantiles")), Statistics.Quantile(values, q), 0, $"{name} quantiles");
        Close.Equal(Doubles(c.GetProperty("quantiles")), [.. q.Select(x => Statistics.Quantile(values, x))], 0, $"{name} scalar quantiles");
        Close.Equal(Doubles(c.GetProperty("percentiles")), Statistics.Percentile(values, p), 0, $"{name} percentiles");
        Close.Equal(Double(c.GetProperty("median")), Statistics.Median(values), 0, $"{name} median");
    }

    [Theory]
    [MemberData(nameof(RobustCases))]
    public void MedianAbsoluteDeviationAndRobustZ_MatchScipyAndNumpy(string name)
    {
        var c = Case("robust", name);
        double[] values = Doubles(c.GetProperty("values"));
        Close.Equal(Double(c.GetProperty("median")), Statistics.Median(values), 0, $"{name} median");
        Close.Equal(Double(c.GetProperty("mad")), Statistics.MedianAbsoluteDeviation(values), 0, $"{name} mad");
        // SciPy's scale="normal" is the divisor Φ⁻¹(3/4) = special.ndtri(0.75).
        Close.Equal(Double(c.GetProperty("mad_normal")), Statistics.MedianAbsoluteDeviation(values, scale: 0.6744897501960817), 0, $"{name} mad normal");
        Close.Equal(Double(c.GetProperty("mad_scale_2")), Statistics.MedianAbsoluteDeviation(values, scale: 2.0), 0, $"{name} mad scale 2");
        Close.Equal(Doubles(c.GetProperty("robust_z")), Statistics.RobustZScore(values), 1e-15, $"{name} robust z");
    }

    [Fact]
    public void RobustZScore_FlagsInjectedOutliers_WhereTheClassicZScoreIsInflated()
    {
        var values = Doubles(Case("robust", "injected_outliers").GetProperty("values"));
        int[] flagged = [.. Statistics.RobustZScore(values).Select((z, i) => (z, i)).Where(p => Math.Abs(p.z) > 3.5).Select(p => p.i)];
        Assert.Equal([3, 17, 41], flagged);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Statistics.Quantile([], 0.5)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Statistics.Median([1.0, double.NaN])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Quantile([1.0, 2.0], 1.5)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Quantile([1.0, 2.0], [0.5, -0.1])).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Percentile([1.0, 2.0], 101)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Percentile([1.0, 2.0], [50, double.NaN])).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.MedianAbsoluteDeviation([1.0, 2.0], 0)).ParamName);
        // MAD = 0 when at least half the values equal the median: the modified z-score would divide by zero.
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Statistics.RobustZScore([5.0, 5.0, 5.0, 1.0, 9.0])).ParamName);
    }
}

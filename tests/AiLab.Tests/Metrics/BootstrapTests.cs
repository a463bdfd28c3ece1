using AiLab.Metrics;

namespace AiLab.Tests.Metrics;

public sealed class BootstrapTests
{
    private static double Mean(double[] values) => values.Average();

    private static double[] NormalSample(int n, double mean, int seed)
    {
        var random = new Random(seed);
        // Box–Muller: enough for test data with a known mean and unit variance.
        return [.. Enumerable.Range(0, n).Select(_ => mean + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
    }

    [Fact]
    public void ConfidenceInterval_TwoPointSample_ReplicatesFollowExactBootstrapDistribution()
    {
        // Resampling {0, 1} twice: the mean is 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4.
        var result = Bootstrap.ConfidenceInterval([0.0, 1.0], Mean, resamples: 40_000, seed: 3);
        Assert.Equal(0.25, result.Replicates.Count(v => v == 0.0) / 40_000.0, 0.01);
        Assert.Equal(0.50, result.Replicates.Count(v => v == 0.5) / 40_000.0, 0.01);
        Assert.Equal(0.25, result.Replicates.Count(v => v == 1.0) / 40_000.0, 0.01);
        Assert.Equal(0.5, result.Estimate);
        Assert.Equal(0.0, result.Lower); // the 2.5% quantile lies in the mass at 0
        Assert.Equal(1.0, result.Upper);
    }

    [Fact]
    public void ConfidenceInterval_MeanOfNormalSample_WidthMatchesStandardError()
    {
        double[] sample = NormalSample(400, 2.0, seed: 11);
        var result = Bootstrap.ConfidenceInterval(sample, Mean, resamples: 4000, seed: 1);
        double mean = sample.Average();
        double sd = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Length - 1));
        double halfWidth = 1.959964 * sd / Math.Sqrt(sample.Length);
        // Percentile interval ≈ mean ± 1.96·s/√n for a mean (CLT); 10% slack for bootstrap noise.
        Assert.Equal(mean, result.Estimate, 12);
        Assert.InRange(mean - result.Lower, 0.9 * halfWidth, 1.1 * halfWidth);
        Assert.InRange(result.Upper - mean, 0.9 * halfWidth, 1.1 * halfWidth);
    }

    [Fact]
    public void ConfidenceInterval_RepeatedSamples_CoverTrueMeanAboutNinetyFivePercent()
    {
        int covered = 0, trials = 200;
        for (int t = 0; t < trials; t++)
        {
            var result = Bootstrap.ConfidenceInterval(NormalSample(60, 0.0, seed: 1000 + t), Mean, resamples: 500, seed: t);
            if (result.Lower <= 0 && 0 <= result.Upper)
                covered++;
        }
        // Binomial(200, 0.95) has sd ≈ 3 trials; the percentile method undercovers slightly at n = 60.
        Assert.InRange(covered / (double)trials, 0.88, 0.99);
    }

    [Fact]
    public void ConfidenceInterval_SameSeed_IsReproducibleAndOtherSeedDiffers()
    {
        double[] sample = NormalSample(50, 0, seed: 5);
        var first = Bootstrap.ConfidenceInterval(sample, Mean, seed: 42);
        var again = Bootstrap.ConfidenceInterval(sample, Mean, seed: 42);
        var other = Bootstrap.ConfidenceInterval(sample, Mean, seed: 43);
        Assert.Equal(first.Replicates, again.Replicates);
        Assert.Equal((first.Lower, first.Upper), (again.Lower, again.Upper));
        Assert.NotEqual(first.Replicates, other.Replicates);
    }

    [Fact]
    public void ConfidenceInterval_ConstantSample_IsAPoint()
    {
        var result = Bootstrap.ConfidenceInterval([3.0, 3.0, 3.0], Mean, resamples: 100);
        Assert.Equal((3.0, 3.0, 3.0), (result.Lower, result.Estimate, result.Upper));
    }

    [Fact]
    public void ConfidenceInterval_PairedMetricWithUndefinedResamples_DropsNaN()
    {
        // One positive in five: about (4/5)⁵ ≈ 33% of resamples miss it, where the AUC is undefined.
        int[] y = [0, 0, 1, 0, 0];
        double[] s = [0.1, 0.4, 0.35, 0.8, 0.2];
        var result = Bootstrap.ConfidenceInterval(y, s,
            (yr, sr) => yr.Distinct().Count() < 2 ? double.NaN : Classification.RocAuc(yr, sr), resamples: 2000, seed: 7);
        Assert.Equal(Classification.RocAuc(y, s), result.Estimate);
        Assert.InRange(result.Replicates.Length / 2000.0, 0.67 - 0.04, 0.67 + 0.04);
        Assert.All(result.Replicates, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void ConfidenceInterval_StatisticAlwaysNaN_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.ConfidenceInterval([1.0, 2.0], _ => double.NaN, resamples: 10));
        Assert.Equal("statistic", e.ParamName);
    }

    [Fact]
    public void DifferenceConfidenceInterval_ShiftedGroups_CentresOnDifferenceWithTwoSampleWidth()
    {
        double[] a = NormalSample(300, 0.0, seed: 21), b = NormalSample(300, 0.5, seed: 22);
        var result = Bootstrap.DifferenceConfidenceInterval(a, b, Mean, resamples: 4000, seed: 2);
        Assert.Equal(b.Average() - a.Average(), result.Estimate, 12);
        double halfWidth = 1.959964 * Math.Sqrt(1.0 / 300 + 1.0 / 300); // unit variances
        Assert.InRange((result.Upper - result.Lower) / 2, 0.85 * halfWidth, 1.15 * halfWidth);
        Assert.True(result.Lower > 0, "a 0.5 shift with n = 300 per group is clearly detected");
    }

    [Fact]
    public void ConfidenceInterval_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ConfidenceInterval([1.0], Mean, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ConfidenceInterval([1.0], Mean, confidenceLevel: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.ConfidenceInterval(0, _ => 0.0));
    }
}

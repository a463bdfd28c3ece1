namespace AiLab.Metrics;

/// <summary>A bootstrap percentile confidence interval.</summary>
/// <param name="Estimate">The statistic on the original data.</param>
/// <param name="Lower">Lower bound: the (1 − level)/2 quantile of the replicates.</param>
/// <param name="Upper">Upper bound: the (1 + level)/2 quantile of the replicates.</param>
/// <param name="ConfidenceLevel">The nominal coverage, e.g. 0.95.</param>
/// <param name="Replicates">The statistic on each resample that gave a number (NaN replicates are dropped), for histograms.</param>
public sealed record BootstrapResult(double Estimate, double Lower, double Upper, double ConfidenceLevel, double[] Replicates);

/// <summary>
/// Bootstrap confidence intervals by the percentile method: resample with replacement <c>resamples</c> times, compute the
/// statistic on each resample, and take the (1 − level)/2 and (1 + level)/2 quantiles of those replicates (NumPy's
/// linear quantiles). Resampling draws from <see cref="Random"/> seeded with <c>seed</c>, so a result is reproducible
/// run to run (it is not the same stream as NumPy's). A statistic may return NaN for a resample where it is undefined
/// (e.g. a ROC AUC on a single-class resample); such replicates are dropped, and the call throws if none is left.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// The general form: <paramref name="statistic"/> receives the indices of one resample of 0..n−1 (with repeats) and
    /// computes its value from whatever arrays it closes over — paired data stays paired.
    /// </summary>
    /// <param name="sampleCount">n, the number of observations, ≥ 1.</param>
    /// <param name="statistic">Value of the statistic on the observations at the given indices (the identity 0..n−1 gives the estimate).</param>
    /// <param name="resamples">Number of bootstrap resamples, ≥ 1 (1,000–10,000 are usual).</param>
    /// <param name="confidenceLevel">Nominal coverage in (0, 1).</param>
    /// <param name="seed">Seed of the resampling generator.</param>
    public static BootstrapResult ConfidenceInterval(int sampleCount, Func<int[], double> statistic, int resamples = 1000,
        double confidenceLevel = 0.95, int seed = 0)
    {
        MetricArguments.Positive(sampleCount, nameof(sampleCount));
        ArgumentNullException.ThrowIfNull(statistic);
        CheckSettings(resamples, confidenceLevel);
        double estimate = statistic([.. Enumerable.Range(0, sampleCount)]);
        return Run(estimate, random => statistic(ResampleIndices(sampleCount, random)), resamples, confidenceLevel, seed);
    }

    /// <summary>Interval for a statistic of one sample, e.g. its mean or median.</summary>
    /// <param name="sample">The observations.</param>
    /// <param name="statistic">Value of the statistic on a (resampled) array of observations.</param>
    /// <param name="resamples">Number of bootstrap resamples, ≥ 1.</param>
    /// <param name="confidenceLevel">Nominal coverage in (0, 1).</param>
    /// <param name="seed">Seed of the resampling generator.</param>
    public static BootstrapResult ConfidenceInterval(ReadOnlySpan<double> sample, Func<double[], double> statistic, int resamples = 1000,
        double confidenceLevel = 0.95, int seed = 0)
    {
        MetricArguments.NotEmpty(sample.Length, nameof(sample));
        ArgumentNullException.ThrowIfNull(statistic);
        double[] values = sample.ToArray();
        return ConfidenceInterval(values.Length, indices => statistic(Take(values, indices)), resamples, confidenceLevel, seed);
    }

    /// <summary>Interval for a metric of paired labels and scores, e.g. <c>Classification.RocAuc</c>; pairs are resampled together.</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yScore">Scores or predictions, same length.</param>
    /// <param name="statistic">The metric on a resampled (labels, scores) pair.</param>
    /// <param name="resamples">Number of bootstrap resamples, ≥ 1.</param>
    /// <param name="confidenceLevel">Nominal coverage in (0, 1).</param>
    /// <param name="seed">Seed of the resampling generator.</param>
    public static BootstrapResult ConfidenceInterval(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, Func<int[], double[], double> statistic,
        int resamples = 1000, double confidenceLevel = 0.95, int seed = 0)
    {
        MetricArguments.Paired(yTrue.Length, yScore.Length, nameof(yTrue), nameof(yScore));
        ArgumentNullException.ThrowIfNull(statistic);
        int[] labels = yTrue.ToArray();
        double[] scores = yScore.ToArray();
        return ConfidenceInterval(labels.Length, indices => statistic(Take(labels, indices), Take(scores, indices)), resamples, confidenceLevel, seed);
    }

    /// <summary>
    /// Interval for statistic(b) − statistic(a) between two independent samples (an A/B comparison): each resample draws
    /// from a and from b separately, with their own sizes.
    /// </summary>
    /// <param name="a">Sample of the control (A).</param>
    /// <param name="b">Sample of the treatment (B).</param>
    /// <param name="statistic">Statistic of one group, e.g. its mean or conversion rate.</param>
    /// <param name="resamples">Number of bootstrap resamples, ≥ 1.</param>
    /// <param name="confidenceLevel">Nominal coverage in (0, 1).</param>
    /// <param name="seed">Seed of the resampling generator.</param>
    public static BootstrapResult DifferenceConfidenceInterval(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Func<double[], double> statistic,
        int resamples = 1000, double confidenceLevel = 0.95, int seed = 0)
    {
        MetricArguments.NotEmpty(a.Length, nameof(a));
        MetricArguments.NotEmpty(b.Length, nameof(b));
        ArgumentNullException.ThrowIfNull(statistic);
        CheckSettings(resamples, confidenceLevel);
        double[] first = a.ToArray(), second = b.ToArray();
        // Each group is resampled on its own, with its own size: one index set over both would mix them.
        return Run(statistic(second) - statistic(first),
            random =>
            {
                double statisticA = statistic(Take(first, ResampleIndices(first.Length, random)));
                return statistic(Take(second, ResampleIndices(second.Length, random))) - statisticA;
            },
            resamples, confidenceLevel, seed);
    }

    /// <summary>Draws the replicates (each from the shared seeded generator), drops NaN ones, and forms the percentile interval.</summary>
    private static BootstrapResult Run(double estimate, Func<Random, double> replicate, int resamples, double confidenceLevel, int seed)
    {
        var random = new Random(seed);
        var replicates = new List<double>(resamples);
        for (int r = 0; r < resamples; r++)
        {
            double value = replicate(random);
            if (!double.IsNaN(value))
                replicates.Add(value);
        }
        return Summarize(estimate, replicates, resamples, confidenceLevel);
    }

    private static void CheckSettings(int resamples, double confidenceLevel)
    {
        MetricArguments.Positive(resamples, nameof(resamples));
        MetricArguments.Probability(confidenceLevel, nameof(confidenceLevel), allowZero: false, allowOne: false);
    }

    private static BootstrapResult Summarize(double estimate, List<double> replicates, int resamples, double confidenceLevel)
    {
        if (replicates.Count == 0)
            throw new ArgumentException($"the statistic was NaN on all {resamples} resamples; no interval can be formed.", "statistic");
        double[] sorted = Statistics.Sorted(replicates.ToArray());
        double alpha = 1 - confidenceLevel;
        return new BootstrapResult(estimate, Statistics.QuantileOfSorted(sorted, alpha / 2), Statistics.QuantileOfSorted(sorted, 1 - alpha / 2),
            confidenceLevel, [.. replicates]);
    }

    private static T[] Take<T>(T[] source, int[] indices)
    {
        var taken = new T[indices.Length];
        for (int i = 0; i < indices.Length; i++)
            taken[i] = source[indices[i]];
        return taken;
    }

    private static int[] ResampleIndices(int count, Random random)
    {
        var indices = new int[count];
        for (int i = 0; i < count; i++)
            indices[i] = random.Next(count);
        return indices;
    }
}

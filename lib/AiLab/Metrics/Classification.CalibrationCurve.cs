namespace AiLab.Metrics;

/// <summary>How <see cref="Classification.CalibrationCurve(ReadOnlySpan{int}, ReadOnlySpan{double}, int, CalibrationStrategy, int?)"/> places its bins on [0, 1].</summary>
public enum CalibrationStrategy
{
    /// <summary>Bins of equal width.</summary>
    Uniform,

    /// <summary>Bins holding equal numbers of predictions (edges at quantiles of the predicted probabilities).</summary>
    Quantile,
}

/// <summary>A reliability diagram: in each non-empty bin, the observed frequency of positives against the mean prediction.</summary>
/// <param name="ProbTrue">Fraction of positives per non-empty bin.</param>
/// <param name="ProbPred">Mean predicted probability per non-empty bin.</param>
/// <param name="Counts">Number of samples per non-empty bin (not returned by scikit-learn; useful for a histogram).</param>
public sealed record CalibrationCurveResult(double[] ProbTrue, double[] ProbPred, int[] Counts);

public static partial class Classification
{
    /// <summary>
    /// Calibration curve, as <c>sklearn.calibration.calibration_curve</c> (1.2): predictions are put into
    /// <paramref name="nBins"/> bins whose inner edges are equal steps (<see cref="CalibrationStrategy.Uniform"/>) or
    /// quantiles of <paramref name="yProb"/> (<see cref="CalibrationStrategy.Quantile"/>, NumPy's linear quantiles); a
    /// prediction equal to an inner edge goes to the lower bin. Empty bins are left out, so the result may be shorter
    /// than <paramref name="nBins"/>.
    /// </summary>
    /// <param name="yTrue">True labels, at most two distinct values; see <paramref name="posLabel"/>.</param>
    /// <param name="yProb">Predicted probability of the positive class, in [0, 1].</param>
    /// <param name="nBins">Number of bins, ≥ 1.</param>
    /// <param name="strategy">Equal-width or equal-count bins.</param>
    /// <param name="posLabel">The positive label; if omitted the labels must be in {0, 1} or {-1, 1} and 1 is positive.</param>
    public static CalibrationCurveResult CalibrationCurve(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yProb, int nBins = 5,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform, int? posLabel = null)
    {
        MetricArguments.Paired(yTrue.Length, yProb.Length, nameof(yTrue), nameof(yProb));
        MetricArguments.Probabilities(yProb, nameof(yProb));
        MetricArguments.Positive(nBins, nameof(nBins));
        int[] present = BinaryTargets.Distinct(yTrue);
        if (present.Length > 2)
            throw new ArgumentException($"holds {present.Length} classes; only binary classification is supported.", nameof(yTrue));
        bool[] positive = BinaryTargets.PositiveMask(yTrue, posLabel, nameof(yTrue));

        double[] innerEdges = strategy switch
        {
            CalibrationStrategy.Uniform => [.. Enumerable.Range(1, nBins - 1).Select(i => i * (1.0 / nBins))],
            // numpy.percentile(q * 100) divides by 100 again; doing the same keeps edges bit-identical to scikit-learn's.
            CalibrationStrategy.Quantile => QuantileEdges(Statistics.Sorted(yProb), nBins),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "is not a CalibrationStrategy value."),
        };

        var probSum = new double[nBins];
        var positives = new double[nBins];
        var counts = new int[nBins];
        for (int i = 0; i < yProb.Length; i++)
        {
            int bin = LowerBound(innerEdges, yProb[i]);
            probSum[bin] += yProb[i];
            positives[bin] += positive[i] ? 1 : 0;
            counts[bin]++;
        }
        int[] nonEmpty = [.. Enumerable.Range(0, nBins).Where(b => counts[b] > 0)];
        return new CalibrationCurveResult(
            [.. nonEmpty.Select(b => positives[b] / counts[b])],
            [.. nonEmpty.Select(b => probSum[b] / counts[b])],
            [.. nonEmpty.Select(b => counts[b])]);
    }

    private static double[] QuantileEdges(double[] sorted, int nBins) =>
        [.. Enumerable.Range(1, nBins - 1).Select(i => Statistics.QuantileOfSorted(sorted, i * (1.0 / nBins) * 100 / 100))];

    /// <summary>Index of the first edge ≥ value (NumPy's <c>searchsorted(side="left")</c>).</summary>
    private static int LowerBound(double[] edges, double value)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}

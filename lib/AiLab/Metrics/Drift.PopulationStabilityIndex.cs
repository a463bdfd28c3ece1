namespace AiLab.Metrics;

/// <summary>The PSI and the binned distributions it compares.</summary>
/// <param name="Psi">Σ (a − e) ln(a / e) over bins; rule of thumb: &lt; 0.1 stable, 0.1–0.25 moderate shift, &gt; 0.25 major shift.</param>
/// <param name="BinEdges">Inner bin edges, increasing; bin i covers [BinEdges[i−1], BinEdges[i]) with −∞ and +∞ at the ends.</param>
/// <param name="ExpectedFractions">Fraction of the reference sample in each bin (empty bins: ε).</param>
/// <param name="ActualFractions">Fraction of the new sample in each bin (empty bins: ε).</param>
public sealed record PsiResult(double Psi, double[] BinEdges, double[] ExpectedFractions, double[] ActualFractions);

/// <summary>Distribution drift between a reference sample and a new one: population stability index and the two-sample KS test.</summary>
public static partial class Drift
{
    /// <summary>
    /// Population stability index of <paramref name="actual"/> against the reference <paramref name="expected"/>.
    /// Definition used here: the inner bin edges are the 1/B … (B−1)/B quantiles of the reference (NumPy's linear
    /// quantiles), duplicates removed (ties in the reference merge bins, so there may be fewer than B); the outer bins
    /// are open-ended, so values beyond the reference's range still count; a value equal to an edge belongs to the bin
    /// above it. A bin with no sample has fraction ε instead of 0 (no renormalization), which keeps ln(a/e) finite:
    /// each such bin then adds about |a − e|·ln(1/ε), so the choice of ε matters only when a bin is empty.
    /// </summary>
    /// <param name="expected">Reference sample (e.g. training data), finite.</param>
    /// <param name="actual">New sample (e.g. production data), finite.</param>
    /// <param name="bins">Number of quantile bins B, ≥ 1 (10 is common).</param>
    /// <param name="epsilon">Fraction used for empty bins, in (0, 1); default 1e-4.</param>
    public static PsiResult PopulationStabilityIndex(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, int bins = 10, double epsilon = 1e-4)
    {
        MetricArguments.NotEmpty(expected.Length, nameof(expected));
        MetricArguments.NotEmpty(actual.Length, nameof(actual));
        MetricArguments.Finite(expected, nameof(expected));
        MetricArguments.Finite(actual, nameof(actual));
        MetricArguments.Positive(bins, nameof(bins));
        MetricArguments.Probability(epsilon, nameof(epsilon), allowZero: false, allowOne: false);

        double[] reference = Statistics.Sorted(expected);
        double[] edges = [.. Enumerable.Range(1, bins - 1).Select(i => Statistics.QuantileOfSorted(reference, i * (1.0 / bins))).Distinct()];
        double[] expectedFractions = BinFractions(expected, edges, epsilon);
        double[] actualFractions = BinFractions(actual, edges, epsilon);
        double psi = 0;
        for (int b = 0; b < expectedFractions.Length; b++)
            psi += (actualFractions[b] - expectedFractions[b]) * Math.Log(actualFractions[b] / expectedFractions[b]);
        return new PsiResult(psi, edges, expectedFractions, actualFractions);
    }

    private static double[] BinFractions(ReadOnlySpan<double> values, double[] edges, double epsilon)
    {
        var counts = new int[edges.Length + 1];
        foreach (double v in values)
            counts[UpperBound(edges, v)]++;
        int total = values.Length;
        return [.. counts.Select(c => c == 0 ? epsilon : (double)c / total)];
    }

    /// <summary>Number of edges ≤ value: the index of the bin [edge, next edge) holding it (NumPy's <c>searchsorted(side="right")</c>).</summary>
    private static int UpperBound(double[] edges, double value)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}

using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class DriftTests
{
    public static TheoryData<string> KsCases => Names("ks_2samp");

    public static TheoryData<string> PsiCases => Names("psi");

    [Theory]
    [MemberData(nameof(KsCases))]
    public void KsTwoSample_EveryMethod_MatchesScipy(string name)
    {
        var c = Case("ks_2samp", name);
        double[] a = Doubles(c.GetProperty("a")), b = Doubles(c.GetProperty("b"));
        foreach (var (key, method) in new[] { ("auto", KsMethod.Auto), ("exact", KsMethod.Exact), ("asymp", KsMethod.Asymptotic) })
        {
            if (!c.TryGetProperty(key, out var expected))
                continue;
            var result = Drift.KsTwoSample(a, b, method);
            Close.Equal(Double(expected.GetProperty("statistic")), result.Statistic, 1e-15, $"{name} {key} statistic");
            Close.Equal(Double(expected.GetProperty("pvalue")), result.PValue, 1e-12, $"{name} {key} p-value");
            Assert.NotEqual(KsMethod.Auto, result.Method);
        }
    }

    [Fact]
    public void KsTwoSample_AutoOnLargeSample_UsesAsymptotic()
    {
        var c = Case("ks_2samp", "auto_asymp_12000_300");
        Assert.Equal(KsMethod.Asymptotic, Drift.KsTwoSample(Doubles(c.GetProperty("a")), Doubles(c.GetProperty("b"))).Method);
    }

    [Fact]
    public void KsTwoSample_StatisticLocationAndSign_HandComputed()
    {
        // ECDFs of {1,2,3} and {4,5,6,7}: F1 − F2 reaches 1 at x = 3, with sample 1 smaller → sign +1.
        var result = Drift.KsTwoSample([1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]);
        Assert.Equal(1.0, result.Statistic);
        Assert.Equal(3.0, result.StatisticLocation);
        Assert.Equal(1, result.StatisticSign);
        // Exact: 2 of the C(7,3) = 35 orderings are this extreme → 2/35.
        Assert.Equal(2.0 / 35, result.PValue, 14);
        Assert.Equal(-1, Drift.KsTwoSample([4.0, 5.0, 6.0, 7.0], [1.0, 2.0, 3.0]).StatisticSign);
    }

    [Fact]
    public void KsTwoSample_EmptySample_Throws()
    {
        Assert.Equal("data2", Assert.Throws<ArgumentException>(() => Drift.KsTwoSample([1.0], [])).ParamName);
    }

    [Fact]
    public void KolmogorovSurvival_GridAcrossAlgorithmRegions_MatchesScipyKstwo()
    {
        var failures = new List<string>();
        foreach (var point in Section("kstwo_sf").EnumerateArray())
        {
            long n = point.GetProperty("n").GetInt64();
            double d = Double(point.GetProperty("d")), expected = Double(point.GetProperty("sf"));
            double actual = KolmogorovDistribution.Survival(n, d);
            // Same algorithms (DMTW instead of Pomeranz for n ≤ 140): observed gaps are ≤ 5e-12, far inside the 1e-6 asked for.
            if (!(Math.Abs(actual - expected) <= 1e-10))
                failures.Add($"n={n} d={d:R}: scipy {expected:R}, ours {actual:R}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(PsiCases))]
    public void PopulationStabilityIndex_MatchesNumpyReference(string name)
    {
        var c = Case("psi", name);
        var result = Drift.PopulationStabilityIndex(Doubles(c.GetProperty("expected")), Doubles(c.GetProperty("actual")),
            c.GetProperty("bins").GetInt32(), Double(c.GetProperty("epsilon")));
        Close.Equal(Doubles(c.GetProperty("edges")), result.BinEdges, 0, $"{name} edges");
        Close.Equal(Doubles(c.GetProperty("expected_fractions")), result.ExpectedFractions, 1e-15, $"{name} expected");
        Close.Equal(Doubles(c.GetProperty("actual_fractions")), result.ActualFractions, 1e-15, $"{name} actual");
        Close.Equal(Double(c.GetProperty("psi")), result.Psi, 1e-12, $"{name} psi");
    }

    [Fact]
    public void PopulationStabilityIndex_HandComputed()
    {
        // Reference 1..4, 2 bins: edge at the median 2.5 → fractions (1/2, 1/2). New sample: 3 of 4 above → (1/4, 3/4).
        // PSI = (1/4 − 1/2) ln(1/2) + (3/4 − 1/2) ln(3/2) = 0.25 ln 3.
        var result = Drift.PopulationStabilityIndex([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 3.5, 4.0], bins: 2);
        Assert.Equal([2.5], result.BinEdges);
        Assert.Equal(0.25 * Math.Log(3), result.Psi, 14);
    }

    [Fact]
    public void PopulationStabilityIndex_IdenticalSamples_IsZero()
    {
        double[] sample = [.. Enumerable.Range(0, 100).Select(i => Math.Sin(i))];
        Assert.Equal(0.0, Drift.PopulationStabilityIndex(sample, sample).Psi);
    }

    [Fact]
    public void PopulationStabilityIndex_EmptyBin_UsesEpsilon()
    {
        // Every new value lands in the top bin: the bottom bin's actual fraction is ε.
        var result = Drift.PopulationStabilityIndex([1.0, 2.0, 3.0, 4.0], [9.0, 9.0], bins: 2, epsilon: 1e-3);
        Assert.Equal([1e-3, 1.0], result.ActualFractions);
        double expected = (1e-3 - 0.5) * Math.Log(1e-3 / 0.5) + (1.0 - 0.5) * Math.Log(1.0 / 0.5);
        Assert.Equal(expected, result.Psi, 14);
    }
}

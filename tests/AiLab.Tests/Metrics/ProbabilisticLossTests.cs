using System.Text.Json;
using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class ProbabilisticLossTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> BinaryCases => Names("binary");

    public static TheoryData<string> MulticlassCases => Names("multiclass_probabilities");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void LogLoss_Binary_MatchesSklearnWithEpsClipping(string name)
    {
        var c = Case("binary", name);
        double loss = Classification.LogLoss(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        Close.Equal(Double(c.GetProperty("log_loss")), loss, Tolerance, name);
    }

    [Fact]
    public void LogLoss_ConfidentWrongPrediction_CostsMinusLogEpsilon()
    {
        // p = 0 for a positive is clipped to ε = 2.22e-16: loss −ln ε ≈ 36.04, not ∞.
        Assert.Equal(-Math.Log(2.220446049250313e-16), Classification.LogLoss([1], [0.0]), 12);
        Assert.Equal(-Math.Log(1e-7), Classification.LogLoss([1], [0.0], eps: 1e-7), 12);
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void LogLoss_Multiclass_MatchesSklearnOrThrowsLikeIt(string name)
    {
        var c = Case("multiclass_probabilities", name);
        int[] y = Ints(c.GetProperty("y_true"));
        double[,] p = Matrix(c.GetProperty("y_prob"));
        int[]? labels = c.TryGetProperty("labels", out var l) ? Ints(l) : null;
        var expected = c.GetProperty("log_loss");
        if (IsError(expected))
        {
            var e = Assert.Throws<ArgumentException>(() => Classification.LogLoss(y, p, labels));
            Assert.Contains("only the label", e.Message);
        }
        else
            Close.Equal(Double(expected), Classification.LogLoss(y, p, labels), Tolerance, name);
    }

    [Fact]
    public void LogLoss_MulticlassLabelNotInLabels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Classification.LogLoss([0, 3], new double[,] { { 0.5, 0.5 }, { 0.5, 0.5 } }, labels: [0, 1]));
        Assert.Equal("yTrue", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void BrierScoreLoss_MatchesSklearn(string name)
    {
        var c = Case("binary", name);
        double brier = Classification.BrierScoreLoss(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        Close.Equal(Double(c.GetProperty("brier")), brier, Tolerance, name);
    }

    [Fact]
    public void BrierScoreLoss_ProbabilityAboveOne_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.BrierScoreLoss([0, 1], [0.2, 1.2]));
        Assert.Equal("yProb", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void CalibrationCurve_UniformAndQuantile_MatchSklearn(string name)
    {
        var c = Case("binary", name);
        int[] y = Ints(c.GetProperty("y_true"));
        double[] p = Doubles(c.GetProperty("y_score"));
        foreach (JsonElement expected in c.GetProperty("calibration").EnumerateArray())
        {
            var strategy = Enum.Parse<CalibrationStrategy>(expected.GetProperty("strategy").GetString()!, ignoreCase: true);
            int bins = expected.GetProperty("n_bins").GetInt32();
            var curve = Classification.CalibrationCurve(y, p, bins, strategy);
            string what = $"{name} {strategy} {bins}";
            Close.Equal(Doubles(expected.GetProperty("prob_true")), curve.ProbTrue, Tolerance, $"{what} prob_true");
            Close.Equal(Doubles(expected.GetProperty("prob_pred")), curve.ProbPred, Tolerance, $"{what} prob_pred");
            Assert.Equal(y.Length, curve.Counts.Sum());
        }
    }

    [Fact]
    public void CalibrationCurve_ValueOnInnerEdge_GoesToLowerBin()
    {
        // Uniform 2 bins: edge 0.5; 0.5 itself belongs to [0, 0.5].
        var curve = Classification.CalibrationCurve([0, 1, 1], [0.2, 0.5, 0.9], nBins: 2);
        Assert.Equal([2, 1], curve.Counts);
        Assert.Equal([0.35, 0.9], curve.ProbPred);
        Assert.Equal([0.5, 1.0], curve.ProbTrue);
    }

    [Fact]
    public void CalibrationCurve_MulticlassLabels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.CalibrationCurve([0, 1, 2], [0.1, 0.5, 0.9]));
        Assert.Equal("yTrue", e.ParamName);
    }
}

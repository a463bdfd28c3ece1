using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class ClassificationCurveTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> BinaryCases => Names("binary");

    public static TheoryData<string> MulticlassCases => Names("multiclass_probabilities");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void RocCurve_DropIntermediate_MatchesSklearn(string name)
    {
        var c = Case("binary", name);
        var roc = Classification.RocCurve(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        AssertCurve(c.GetProperty("roc"), roc, name);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void RocCurve_KeepAllThresholds_MatchesSklearn(string name)
    {
        var c = Case("binary", name);
        var roc = Classification.RocCurve(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")), dropIntermediate: false);
        AssertCurve(c.GetProperty("roc_full"), roc, name);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void RocAuc_Binary_MatchesSklearnOrThrowsLikeIt(string name)
    {
        var c = Case("binary", name);
        int[] y = Ints(c.GetProperty("y_true"));
        double[] s = Doubles(c.GetProperty("y_score"));
        var expected = c.GetProperty("roc_auc");
        if (IsError(expected))
        {
            var e = Assert.Throws<ArgumentException>(() => Classification.RocAuc(y, s));
            Assert.Contains("only one class", e.Message);
            Assert.Equal("yTrue", e.ParamName);
        }
        else
            Close.Equal(Double(expected), Classification.RocAuc(y, s), Tolerance, name);
    }

    [Fact]
    public void RocAuc_TiedScores_EqualsPairwiseProbabilityWithHalfTies()
    {
        // AUC = P(s+ > s-) + 0.5·P(s+ = s-), brute force over all pairs in Python; the scores have many ties.
        var c = Section("auc_tie_identity");
        double auc = Classification.RocAuc(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        Close.Equal(Double(c.GetProperty("pairwise")), auc, Tolerance, "pairwise");
        Close.Equal(Double(c.GetProperty("roc_auc")), auc, Tolerance, "sklearn");
    }

    [Fact]
    public void RocAuc_HandCountedPairsWithTie_IsFiveSixths()
    {
        // Positives {0.9, 0.5}, negatives {0.5, 0.1, 0.3}: of the 6 pairs 5 are ordered correctly and 1 is tied.
        double auc = Classification.RocAuc([1, 1, 0, 0, 0], [0.9, 0.5, 0.5, 0.1, 0.3]);
        Assert.Equal(5.5 / 6, auc, 15);
    }

    [Fact]
    public void RocAuc_HardLabelsInsteadOfScores_LosesRankingInformation()
    {
        // The seeds' pitfall: scores give a perfect ranking, thresholded labels collapse it to one ROC point.
        int[] y = [0, 0, 1, 1, 0, 1];
        double[] scores = [0.1, 0.45, 0.55, 0.9, 0.4, 0.48];
        double[] hard = [.. scores.Select(s => s >= 0.5 ? 1.0 : 0.0)];
        Assert.Equal(1.0, Classification.RocAuc(y, scores), 15);
        // Hard labels: TPR 2/3 at FPR 0 → AUC = 0.5·(1 + 2/3) = 5/6.
        Assert.Equal(5.0 / 6, Classification.RocAuc(y, hard), 15);
    }

    [Fact]
    public void RocCurve_LabelsOutsideZeroOne_RequirePosLabel()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.RocCurve([1, 2, 2, 1], [0.1, 0.2, 0.3, 0.4]));
        Assert.Equal("yTrue", e.ParamName);
        // Ranked: 0.4 (neg), 0.3 (pos), 0.2 (pos), 0.1 (neg); the point after 0.3 is collinear and dropped.
        // scikit-learn: roc_curve([1,2,2,1], [.1,.2,.3,.4], pos_label=2).
        var roc = Classification.RocCurve([1, 2, 2, 1], [0.1, 0.2, 0.3, 0.4], posLabel: 2);
        Assert.Equal([0.0, 0.5, 0.5, 1.0], roc.Fpr);
        Assert.Equal([0.0, 0.0, 1.0, 1.0], roc.Tpr);
        Assert.Equal([1.4, 0.4, 0.2, 0.1], roc.Thresholds);
    }

    [Fact]
    public void RocCurve_NonFiniteScore_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.RocCurve([0, 1], [0.5, double.NaN]));
        Assert.Equal("yScore", e.ParamName);
        Assert.Contains("element 1", e.Message);
    }

    [Fact]
    public void RocCurve_MismatchedLengths_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.RocCurve([0, 1, 1], [0.5, 0.2]));
        Assert.Equal("yScore", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void PrecisionRecallCurve_MatchesSklearn(string name)
    {
        var c = Case("binary", name);
        var pr = Classification.PrecisionRecallCurve(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        var expected = c.GetProperty("pr");
        Close.Equal(Doubles(expected.GetProperty("precision")), pr.Precision, Tolerance, $"{name} precision");
        Close.Equal(Doubles(expected.GetProperty("recall")), pr.Recall, Tolerance, $"{name} recall");
        Close.Equal(Doubles(expected.GetProperty("thresholds")), pr.Thresholds, 0, $"{name} thresholds");
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void AveragePrecision_MatchesSklearn(string name)
    {
        var c = Case("binary", name);
        double ap = Classification.AveragePrecision(Ints(c.GetProperty("y_true")), Doubles(c.GetProperty("y_score")));
        Close.Equal(Double(c.GetProperty("average_precision")), ap, Tolerance, name);
    }

    [Fact]
    public void AveragePrecision_StepwiseNotTrapezoid_HandComputed()
    {
        // Ranking + - + -: recall steps 0.5 at precision 1, then 0.5 at precision 2/3 → AP = 0.5 + 1/3.
        double ap = Classification.AveragePrecision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6]);
        Assert.Equal(0.5 + 1.0 / 3, ap, 15);
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void RocAuc_OneVsRest_MatchesSklearn(string name)
    {
        var c = Case("multiclass_probabilities", name);
        if (!c.TryGetProperty("roc_auc_ovr_macro", out var macro))
            return; // log-loss-only case
        int[] y = Ints(c.GetProperty("y_true"));
        double[,] p = Matrix(c.GetProperty("y_prob"));
        Close.Equal(Double(macro), Classification.RocAuc(y, p, Average.Macro), Tolerance, $"{name} macro");
        Close.Equal(Double(c.GetProperty("roc_auc_ovr_weighted")), Classification.RocAuc(y, p, Average.Weighted), Tolerance, $"{name} weighted");
    }

    [Fact]
    public void RocAuc_OneVsRestRowsNotSummingToOne_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Classification.RocAuc([0, 1, 2], new double[,] { { 0.5, 0.3, 0.2 }, { 0.1, 0.8, 0.1 }, { 0.3, 0.3, 0.3 } }));
        Assert.Contains("row 2", e.Message);
    }

    [Fact]
    public void RocAuc_OneVsRestMissingClass_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Classification.RocAuc([0, 1, 1], new double[,] { { 0.5, 0.3, 0.2 }, { 0.1, 0.8, 0.1 }, { 0.3, 0.3, 0.4 } }));
        Assert.Equal("yTrue", e.ParamName);
    }

    [Fact]
    public void Auc_TrapezoidOnDecreasingX_IsPositiveArea()
    {
        Assert.Equal(0.5, Classification.Auc([0, 1], [0, 1]), 15);
        Assert.Equal(0.5, Classification.Auc([1, 0], [1, 0]), 15);
        Assert.Throws<ArgumentException>(() => Classification.Auc([0, 1, 0.5], [0, 1, 1]));
    }

    private static void AssertCurve(System.Text.Json.JsonElement expected, RocCurveResult actual, string name)
    {
        Close.Equal(Doubles(expected.GetProperty("fpr")), actual.Fpr, Tolerance, $"{name} fpr");
        Close.Equal(Doubles(expected.GetProperty("tpr")), actual.Tpr, Tolerance, $"{name} tpr");
        Close.Equal(Doubles(expected.GetProperty("thresholds")), actual.Thresholds, 0, $"{name} thresholds");
    }
}

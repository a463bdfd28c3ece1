using AiLab.Metrics;

namespace AiLab.Tests.Metrics;

public sealed class FairnessTests
{
    // Group 0: y = 1 1 1 0 0 0, ŷ = 1 1 0 1 0 0 → selection 3/6, TPR 2/3, FPR 1/3.
    // Group 1: y = 1 0 0 0,     ŷ = 0 0 1 0     → selection 1/4, TPR 0,   FPR 1/3.
    private static readonly int[] YTrue = [1, 1, 1, 0, 0, 0, 1, 0, 0, 0];
    private static readonly int[] YPred = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0];
    private static readonly int[] Groups = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];

    [Fact]
    public void GroupRates_TwoGroups_MatchHandComputation()
    {
        var report = Fairness.GroupRates(YTrue, YPred, Groups);
        Assert.Equal(new GroupRate(0, 6, 3, 3, 0.5, 2.0 / 3, 1.0 / 3), report.Groups[0]);
        Assert.Equal(new GroupRate(1, 4, 1, 3, 0.25, 0.0, 1.0 / 3), report.Groups[1]);
        Assert.Equal(0.25, report.DemographicParityDifference, 15);
        Assert.Equal(0.5, report.DemographicParityRatio, 15);
        Assert.Equal(2.0 / 3, report.EqualOpportunityDifference, 15);
        Assert.Equal(0.0, report.FalsePositiveRateDifference, 15);
        Assert.Equal(2.0 / 3, report.EqualizedOddsDifference, 15);
    }

    [Fact]
    public void GroupRates_GroupWithoutPositives_HasNaNTprLeftOutOfGap()
    {
        // Group 2: y = 0 0, ŷ = 1 1 → selection 1, TPR undefined, FPR 1.
        var report = Fairness.GroupRates([.. YTrue, 0, 0], [.. YPred, 1, 1], [.. Groups, 2, 2]);
        Assert.True(double.IsNaN(report.Groups[2].TruePositiveRate));
        Assert.Equal(1.0, report.Groups[2].FalsePositiveRate);
        Assert.Equal(0.75, report.DemographicParityDifference, 15);
        Assert.Equal(2.0 / 3, report.EqualOpportunityDifference, 15);
        Assert.Equal(2.0 / 3, report.FalsePositiveRateDifference, 15);
        Assert.Equal(2.0 / 3, report.EqualizedOddsDifference, 15);
    }

    [Fact]
    public void Shortcuts_EqualReportFields()
    {
        Assert.Equal(0.25, Fairness.DemographicParityDifference(YPred, Groups), 15);
        Assert.Equal(2.0 / 3, Fairness.EqualOpportunityDifference(YTrue, YPred, Groups), 15);
        Assert.Equal(2.0 / 3, Fairness.EqualizedOddsDifference(YTrue, YPred, Groups), 15);
    }

    [Fact]
    public void GroupRates_PosLabel_SelectsWhichLabelIsPositive()
    {
        // With posLabel 0 the roles swap: group 0 selects 3/6 (predicted 0), TPR = P(ŷ=0 | y=0) = 2/3.
        var report = Fairness.GroupRates(YTrue, YPred, Groups, posLabel: 0);
        Assert.Equal(0.5, report.Groups[0].SelectionRate, 15);
        Assert.Equal(2.0 / 3, report.Groups[0].TruePositiveRate, 15);
        Assert.Equal(0.75, report.Groups[1].SelectionRate, 15);
    }

    [Fact]
    public void GroupRates_MismatchedGroups_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Fairness.GroupRates(YTrue, YPred, [0, 1]));
        Assert.Equal("groups", e.ParamName);
    }
}

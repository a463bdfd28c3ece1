using System.Text.Json;
using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class ClassificationLabelTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> LabelCases => Names("labels");

    public static TheoryData<string> BinaryCases => Names("binary");

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void ConfusionMatrix_MatchesSklearn(string name)
    {
        var c = Case("labels", name);
        int[]? labels = c.GetProperty("labels").ValueKind == JsonValueKind.Null ? null : Ints(c.GetProperty("labels"));
        var cm = Classification.ConfusionMatrix(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")), labels);
        Assert.Equal(Ints(c.GetProperty("confusion_labels")), cm.Labels);
        Assert.Equal(IntMatrix(c.GetProperty("confusion")), cm.Counts);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void Accuracy_MatchesSklearn(string name)
    {
        var c = Case("labels", name);
        Close.Equal(Double(c.GetProperty("accuracy")), Classification.Accuracy(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred"))), Tolerance, name);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void PrecisionRecallF_EveryAverageAndZeroDivision_MatchSklearn(string name)
    {
        var c = Case("labels", name);
        int[]? labels = c.GetProperty("labels").ValueKind == JsonValueKind.Null ? null : Ints(c.GetProperty("labels"));
        foreach (var average in c.GetProperty("averages").EnumerateObject())
        {
            var mode = Enum.Parse<Average>(average.Name, ignoreCase: true);
            AssertScores(average.Value, Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")), mode, 1, labels, $"{name} {average.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void PrecisionRecallF_BinaryThresholdedScores_MatchSklearn(string name)
    {
        var c = Case("binary", name);
        int[] y = Ints(c.GetProperty("y_true")), yPred = Ints(c.GetProperty("y_pred"));
        AssertScores(c.GetProperty("binary"), y, yPred, Average.Binary, 1, null, $"{name} pos=1");
        AssertScores(c.GetProperty("binary_pos0"), y, yPred, Average.Binary, 0, null, $"{name} pos=0");
        Close.Equal(Double(c.GetProperty("accuracy")), Classification.Accuracy(y, yPred), Tolerance, $"{name} accuracy");
        Assert.Equal(IntMatrix(c.GetProperty("confusion")), Classification.ConfusionMatrix(y, yPred, [0, 1]).Counts);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void PrecisionRecallFScoreSupport_PerClass_MatchesSklearn(string name)
    {
        var c = Case("labels", name);
        int[]? labels = c.GetProperty("labels").ValueKind == JsonValueKind.Null ? null : Ints(c.GetProperty("labels"));
        foreach (double zeroDivision in new[] { 0.0, 1.0 })
        {
            var expected = c.GetProperty("per_class").GetProperty($"zero_division_{zeroDivision}");
            var scores = Classification.PrecisionRecallFScoreSupport(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")),
                labels: labels, zeroDivision: zeroDivision);
            Close.Equal(Doubles(expected.GetProperty("precision")), scores.Precision, Tolerance, $"{name} precision");
            Close.Equal(Doubles(expected.GetProperty("recall")), scores.Recall, Tolerance, $"{name} recall");
            Close.Equal(Doubles(expected.GetProperty("f1")), scores.FScore, Tolerance, $"{name} f1");
            Assert.Equal(Ints(expected.GetProperty("support")), scores.Support);
        }
    }

    [Fact]
    public void Precision_BinaryAverageOnMulticlassLabels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.Precision([0, 1, 2], [0, 1, 2]));
        Assert.Equal("average", e.ParamName);
    }

    [Fact]
    public void Precision_PosLabelNotAmongLabels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.Precision([0, 2, 2], [0, 2, 0]));
        Assert.Equal("posLabel", e.ParamName);
    }

    [Fact]
    public void F1_ZeroDivisionOtherThanZeroOrOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Classification.F1([0, 1], [0, 1], zeroDivision: 0.5));
    }

    [Fact]
    public void ConfusionMatrix_LabelsNoneInYTrue_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.ConfusionMatrix([0, 1], [0, 1], [5, 6]));
        Assert.Equal("labels", e.ParamName);
    }

    [Fact]
    public void Accuracy_AlwaysNegativeOnImbalancedData_IsHighWhileRecallIsZero()
    {
        int[] y = [.. Enumerable.Repeat(0, 95), .. Enumerable.Repeat(1, 5)];
        int[] yPred = new int[100];
        Assert.Equal(0.95, Classification.Accuracy(y, yPred), 15);
        Assert.Equal(0.0, Classification.Recall(y, yPred));
        Assert.Equal(0.0, Classification.Precision(y, yPred)); // 0/0 → zeroDivision
        Assert.Equal(1.0, Classification.Precision(y, yPred, zeroDivision: 1));
    }

    private static void AssertScores(JsonElement block, int[] y, int[] yPred, Average average, int posLabel, int[]? labels, string what)
    {
        foreach (double zeroDivision in new[] { 0.0, 1.0 })
        {
            var expected = block.GetProperty($"zero_division_{zeroDivision}");
            if (IsError(expected))
            {
                Assert.ThrowsAny<ArgumentException>(() => Classification.Precision(y, yPred, average, posLabel, labels, zeroDivision));
                continue;
            }
            string context = $"{what} zd={zeroDivision}";
            Close.Equal(Double(expected.GetProperty("precision")), Classification.Precision(y, yPred, average, posLabel, labels, zeroDivision), Tolerance, $"{context} precision");
            Close.Equal(Double(expected.GetProperty("recall")), Classification.Recall(y, yPred, average, posLabel, labels, zeroDivision), Tolerance, $"{context} recall");
            Close.Equal(Double(expected.GetProperty("f1")), Classification.F1(y, yPred, average, posLabel, labels, zeroDivision), Tolerance, $"{context} f1");
            Close.Equal(Double(expected.GetProperty("f05")), Classification.FBeta(y, yPred, 0.5, average, posLabel, labels, zeroDivision), Tolerance, $"{context} f0.5");
        }
    }
}

using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

/// <summary>Hamming loss and multilabel precision / recall / F1 against scikit-learn 1.2.1 on indicator matrices.</summary>
public sealed class MultilabelTests
{
    private const double Tolerance = 1e-15;

    public static TheoryData<string> Cases => Names("multilabel");

    private static readonly (string Key, Average Average)[] Averages =
        [("micro", Average.Micro), ("macro", Average.Macro), ("weighted", Average.Weighted), ("samples", Average.Samples)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void HammingLossAndAveragedScores_MatchSklearn(string name)
    {
        var c = Case("multilabel", name);
        int[,] yTrue = IntMatrix(c.GetProperty("y_true")), yPred = IntMatrix(c.GetProperty("y_pred"));
        Close.Equal(Double(c.GetProperty("hamming_loss")), Classification.HammingLoss(yTrue, yPred), Tolerance, $"{name} hamming");
        Close.Equal(Double(c.GetProperty("hamming_loss")), Classification.HammingLoss(ToBool(yTrue), ToBool(yPred)), Tolerance, $"{name} hamming bool");
        foreach (double zd in new[] { 0.0, 1.0 })
            foreach (var (key, average) in Averages)
            {
                var expected = c.GetProperty($"{key}_zd{zd:0}");
                string what = $"{name} {key} zero_division={zd}";
                Close.Equal(Double(expected.GetProperty("precision")), Classification.Precision(yTrue, yPred, average, zd), Tolerance, $"{what} precision");
                Close.Equal(Double(expected.GetProperty("recall")), Classification.Recall(yTrue, yPred, average, zd), Tolerance, $"{what} recall");
                Close.Equal(Double(expected.GetProperty("f1")), Classification.F1(yTrue, yPred, average, zd), Tolerance, $"{what} f1");
                Close.Equal(Double(expected.GetProperty("f1")), Classification.F1(ToBool(yTrue), ToBool(yPred), average, zd), Tolerance, $"{what} f1 bool");
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PerLabelScores_MatchSklearn(string name)
    {
        var c = Case("multilabel", name);
        int[,] yTrue = IntMatrix(c.GetProperty("y_true")), yPred = IntMatrix(c.GetProperty("y_pred"));
        foreach (double zd in new[] { 0.0, 1.0 })
        {
            var expected = c.GetProperty($"per_label_zd{zd:0}");
            var scores = Classification.PrecisionRecallFScoreSupport(yTrue, yPred, zeroDivision: zd);
            Assert.Equal(Enumerable.Range(0, yTrue.GetLength(1)), scores.Labels);
            Close.Equal(Doubles(expected.GetProperty("precision")), scores.Precision, Tolerance, $"{name} precision");
            Close.Equal(Doubles(expected.GetProperty("recall")), scores.Recall, Tolerance, $"{name} recall");
            Close.Equal(Doubles(expected.GetProperty("f1")), scores.FScore, Tolerance, $"{name} f1");
            Assert.Equal(Ints(expected.GetProperty("support")), scores.Support);
        }
    }

    [Fact]
    public void TensorForms_ReadIndicatorMatricesByShape()
    {
        var c = Case("multilabel", "random_30x5");
        int[,] yTrue = IntMatrix(c.GetProperty("y_true")), yPred = IntMatrix(c.GetProperty("y_pred"));
        using var t = TorchSharp.torch.tensor(yTrue.Cast<int>().Select(v => (float)v).ToArray()).reshape(30, 5);
        using var p = TorchSharp.torch.tensor(yPred.Cast<int>().Select(v => v == 1).ToArray()).reshape(30, 5);
        Close.Equal(Double(c.GetProperty("hamming_loss")), Classification.HammingLoss(t, p), Tolerance, "hamming");
        Close.Equal(Double(c.GetProperty("samples_zd0").GetProperty("f1")), Classification.F1(t, p, Average.Samples), Tolerance, "f1 samples");
        Close.Equal(Double(c.GetProperty("macro_zd1").GetProperty("precision")), Classification.Precision(t, p, Average.Macro, zeroDivision: 1), Tolerance, "precision macro");
        Close.Equal(Double(c.GetProperty("micro_zd0").GetProperty("recall")), Classification.Recall(t, p, Average.Micro), Tolerance, "recall micro");
        using var half = TorchSharp.torch.full(30, 5, 0.5f);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Classification.HammingLoss(t, half)).ParamName);
    }

    [Fact]
    public void HammingLoss_ClassLabels_MatchesSklearn()
    {
        var c = Section("hamming_labels");
        Close.Equal(Double(c.GetProperty("hamming_loss")),
            Classification.HammingLoss(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred"))), Tolerance, "hamming");
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgument()
    {
        int[,] ok = { { 1, 0 }, { 0, 1 } };
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Classification.HammingLoss(ok, new int[2, 3])).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Classification.F1(new int[,] { { 2, 0 }, { 0, 1 } }, ok, Average.Micro)).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Classification.F1(new int[0, 2], new int[0, 2], Average.Micro)).ParamName);
        Assert.Equal("average", Assert.Throws<ArgumentException>(() => Classification.F1(ok, ok, Average.Binary)).ParamName);
        Assert.Equal("zeroDivision", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.Recall(ok, ok, Average.Macro, 0.5)).ParamName);
        // Average.Samples is for indicator matrices only.
        Assert.Equal("average", Assert.Throws<ArgumentException>(() => Classification.F1([0, 1], [0, 1], Average.Samples)).ParamName);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Classification.HammingLoss([0, 1], [0])).ParamName);
    }

    private static bool[,] ToBool(int[,] m)
    {
        var b = new bool[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                b[i, j] = m[i, j] == 1;
        return b;
    }
}

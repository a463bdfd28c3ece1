using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>The curve arithmetic against scikit-learn's outputs (Fixtures/sklearn_curves.json, made by sklearn_curves.py).</summary>
public sealed class ClassificationCurvesTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases => new(Fixture().Select(c => (string)c!["name"]!));

    private static JsonArray Fixture() =>
        JsonNode.Parse(File.ReadAllText(ChartTestFiles.Fixture("sklearn_curves.json")))!["cases"]!.AsArray();

    private static (int[] Labels, double[] Scores, JsonNode Expected) Case(string name)
    {
        var c = Fixture().Single(c => (string)c!["name"]! == name)!;
        return (Doubles(c["labels"]!).Select(v => (int)v).ToArray(), Doubles(c["scores"]!), c);
    }

    private static double[] Doubles(JsonNode array) => array.AsArray().Select(v => (double)v!).ToArray();

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} points, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Roc_MatchesScikitLearn(string name)
    {
        var (labels, scores, expected) = Case(name);
        var roc = ClassificationCurves.Roc(labels, scores);
        AssertClose(Doubles(expected["fpr"]!), roc.Fpr, "fpr");
        AssertClose(Doubles(expected["tpr"]!), roc.Tpr, "tpr");
        Assert.Equal(double.PositiveInfinity, roc.Thresholds[0]);
        AssertClose(Doubles(expected["thresholds"]!), roc.Thresholds[1..], "thresholds");
        Assert.Equal((double)expected["auc"]!, ClassificationCurves.Auc(roc.Fpr, roc.Tpr), 12);
        Assert.Equal((double)expected["roc_auc_score"]!, ClassificationCurves.Auc(roc.Fpr, roc.Tpr), 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecall_MatchesScikitLearn(string name)
    {
        var (labels, scores, expected) = Case(name);
        var pr = ClassificationCurves.PrecisionRecall(labels, scores);
        AssertClose(Doubles(expected["precision"]!), pr.Precision, "precision");
        AssertClose(Doubles(expected["recall"]!), pr.Recall, "recall");
        AssertClose(Doubles(expected["pr_thresholds"]!), pr.Thresholds, "thresholds");
        Assert.Equal((double)expected["average_precision"]!, ClassificationCurves.AveragePrecision(pr.Precision, pr.Recall), 12);
        // Points given with recall rising (reversed) give the same average precision.
        Assert.Equal((double)expected["average_precision"]!,
            ClassificationCurves.AveragePrecision(pr.Precision.Reverse().ToArray(), pr.Recall.Reverse().ToArray()), 12);
    }

    [Fact]
    public void Auc_EqualsMannWhitneyProbability()
    {
        // AUC = P(score of a random positive > score of a random negative) + ½ P(tie): an independent oracle.
        var (labels, scores, _) = Case("random 200 with ties");
        var positives = scores.Where((_, i) => labels[i] == 1).ToArray();
        var negatives = scores.Where((_, i) => labels[i] == 0).ToArray();
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        var roc = ClassificationCurves.Roc(labels, scores);
        Assert.Equal(wins / (positives.Length * negatives.Length), ClassificationCurves.Auc(roc.Fpr, roc.Tpr), 12);
    }

    [Fact]
    public void Roc_OneClassOrBadLabels_ThrowsClearly()
    {
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => ClassificationCurves.Roc([1, 1], [0.2, 0.3])).Message);
        Assert.Contains("labels[1] = 2", Assert.Throws<ArgumentException>(() => ClassificationCurves.Roc([0, 2], [0.2, 0.3])).Message);
        Assert.Contains("not a finite number", Assert.Throws<ArgumentException>(() => ClassificationCurves.Roc([0, 1], [0.2, double.NaN])).Message);
        Assert.Contains("2 entries", Assert.Throws<ArgumentException>(() => ClassificationCurves.Roc([0, 1], [0.2])).Message);
        Assert.Throws<ArgumentException>(() => ClassificationCurves.Auc([0, 1, 0.5], [0, 1, 1]));
    }
}

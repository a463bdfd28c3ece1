using System.Globalization;
using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>
/// The ROC and precision–recall charts draw exactly scikit-learn's curves and report its AUC and AP
/// (Fixtures/sklearn_curves.json, made by sklearn_curves.py; every threshold kept, ties included).
/// </summary>
public sealed class ClassificationChartOracleTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases => new(Fixture().Select(c => (string)c!["name"]!));

    private static JsonArray Fixture() =>
        JsonNode.Parse(File.ReadAllText(ChartJson.Fixture("sklearn_curves.json")))!["cases"]!.AsArray();

    private static (int[] Labels, double[] Scores, JsonNode Expected) Case(string name)
    {
        var c = Fixture().Single(c => (string)c!["name"]! == name)!;
        return (Doubles(c["labels"]).Select(v => (int)v).ToArray(), Doubles(c["scores"]), c);
    }

    private static double[] Doubles(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} points, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    /// <summary>The model's curve: the one trace whose legend entry starts with its name "m".</summary>
    private static JsonNode Curve(Plotly.NET.GenericChart chart) =>
        ChartJson.Traces(chart).Single(t => ((string?)t!["name"])!.StartsWith("m ", StringComparison.Ordinal))!;

    private static string ThreeDecimals(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Roc_DrawsScikitLearnCurveWithItsAuc(string name)
    {
        var (labels, scores, expected) = Case(name);
        var curve = Curve(LabChart.Roc(labels, scores, "m"));
        AssertClose(Doubles(expected["fpr"]), Doubles(curve["x"]), "fpr");
        AssertClose(Doubles(expected["tpr"]), Doubles(curve["y"]), "tpr");
        var thresholds = curve["text"]!.AsArray().Select(t => (string)t!).ToArray();
        Assert.Equal("∞", thresholds[0]);
        // Hover text shows 4 significant digits.
        var shown = thresholds[1..].Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var exact = Doubles(expected["thresholds"]);
        Assert.Equal(exact.Length, shown.Length);
        for (var i = 0; i < exact.Length; i++)
            Assert.True(Math.Abs(exact[i] - shown[i]) <= 5e-4 * Math.Max(1, Math.Abs(exact[i])), $"threshold {i}: {exact[i]} shown as {shown[i]}");
        Assert.Equal($"m (AUC = {ThreeDecimals((double)expected["roc_auc_score"]!)})", (string?)curve["name"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecall_DrawsScikitLearnCurveWithItsAveragePrecision(string name)
    {
        var (labels, scores, expected) = Case(name);
        var curve = Curve(LabChart.PrecisionRecall(labels, scores, "m"));
        AssertClose(Doubles(expected["recall"]), Doubles(curve["x"]), "recall");
        AssertClose(Doubles(expected["precision"]), Doubles(curve["y"]), "precision");
        Assert.Equal($"m (AP = {ThreeDecimals((double)expected["average_precision"]!)})", (string?)curve["name"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AveragePrecision_FromPointsInEitherOrder_EqualsScikitLearn(string name)
    {
        var (_, _, expected) = Case(name);
        var (precision, recall) = (Doubles(expected["precision"]), Doubles(expected["recall"]));
        var ap = (double)expected["average_precision"]!;
        Assert.Equal(ap, LabChart.AveragePrecision(precision, recall), 12);
        Assert.Equal(ap, LabChart.AveragePrecision(precision.Reverse().ToArray(), recall.Reverse().ToArray()), 12);
    }

    [Fact]
    public void Roc_AucInLegend_EqualsMannWhitneyProbability()
    {
        // AUC = P(score of a random positive > score of a random negative) + ½ P(tie): an oracle independent of curves.
        var (labels, scores, _) = Case("random 200 with ties");
        var positives = scores.Where((_, i) => labels[i] == 1).ToArray();
        var negatives = scores.Where((_, i) => labels[i] == 0).ToArray();
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        var auc = wins / (positives.Length * negatives.Length);
        Assert.Equal($"m (AUC = {ThreeDecimals(auc)})", (string?)Curve(LabChart.Roc(labels, scores, "m"))["name"]);
    }

    [Fact]
    public void Curves_OneClassOrBadInput_ThrowClearly()
    {
        Assert.Contains("only one class", Assert.Throws<ArgumentException>(() => LabChart.Roc([1, 1], [0.2, 0.3], "lonely")).Message);
        Assert.Contains("\"lonely\"", Assert.Throws<ArgumentException>(() => LabChart.PrecisionRecall([0, 0], [0.2, 0.3], "lonely")).Message);
        Assert.ThrowsAny<ArgumentException>(() => LabChart.Roc([0, 1], [0.2, double.NaN]));
        Assert.ThrowsAny<ArgumentException>(() => LabChart.Roc([0, 1], [0.2]));
        Assert.Throws<ArgumentException>(() => LabChart.AveragePrecision([1, 0.5, 1], [0.5, 1, 0]));
    }
}

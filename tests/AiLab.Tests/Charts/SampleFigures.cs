using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>Every ready-made chart from small fixed inputs: shared by the golden JSON tests and the browser tests.</summary>
internal static class SampleFigures
{
    public static readonly int[] Labels = [0, 0, 1, 1, 0, 1, 1, 0];
    public static readonly double[] ScoresA = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2];
    public static readonly double[] ScoresB = [0.3, 0.2, 0.6, 0.7, 0.5, 0.1, 0.8, 0.4];
    public static readonly string[] Features = ["age", "bmi", "bp", "s1"];

    /// <summary>φ[sample, feature]: mean |φ| is 0.1, 0.4, 0.25, 0.05, so the order is bmi, bp, age, s1.</summary>
    public static readonly double[,] Shap =
    {
        { 0.1, -0.5, 0.2, 0.05 },
        { -0.1, 0.3, -0.3, -0.05 },
        { 0.2, -0.4, 0.25, 0.0 },
        { 0.0, 0.4, -0.25, 0.1 },
    };

    public static readonly double[,] FeatureValues =
    {
        { 50, 22.5, 80, 1.0 },
        { 30, 31.0, 95, double.NaN },
        { 62, 19.0, 70, 2.0 },
        { 45, 35.0, 88, 0.5 },
    };

    private static readonly double[,] Digit =
    {
        { 0, 1, 1, 0 },
        { 1, 0, 0, 1 },
        { 1, 0, 0, 1 },
        { 0, 1, 1, 0 },
    };

    public static IReadOnlyDictionary<string, Figure> All() => new Dictionary<string, Figure>
    {
        ["roc"] = Chart.Roc(("model A", Labels, ScoresA), ("model B", Labels, ScoresB)),
        ["roc-points"] = Chart.Roc(("precomputed", new[] { 0, 0.5, 1.0 }, new[] { 0, 0.75, 1.0 })),
        ["precision-recall"] = Chart.PrecisionRecall(("model A", Labels, ScoresA), ("model B", Labels, ScoresB)),
        ["confusion-matrix"] = Chart.ConfusionMatrix([0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 1, 2, 0, 2], ["cat", "dog", "bird"]),
        ["loss-curves"] = Chart.LossCurves([("small", [1.0, 0.6, 0.4], [1.1, 0.8, 0.9]), ("large", [0.9, 0.3, 0.1], null)], logY: true),
        ["shap-bar"] = Chart.ShapBar(Shap, Features, maxDisplay: 3),
        ["shap-beeswarm"] = Chart.ShapBeeswarm(Shap, FeatureValues, Features),
        ["shap-waterfall"] = Chart.ShapWaterfall([0.1, -0.5, 0.2, 0.05], 0.4, Features, [50, 22.5, 80, 1.0], maxDisplay: 3),
        ["heatmap"] = Chart.Heatmap(new double[,] { { 0.7, 0.3 }, { 0.2, 0.8 } }, ["k1", "k2"], ["q1", "q2"], title: "Attention", annotate: true),
        ["image-grid"] = Chart.ImageGrid([Digit, Digit], ["zero", "also zero"], columns: 2, tileSize: 40),
        ["image-with-boxes"] = Chart.ImageWithBoxes(Digit, [new BoundingBox(0, 0, 4, 4, "0", IsGroundTruth: true), new BoundingBox(0.5, 0, 4, 3.5, "0", 0.9)], title: "Detection"),
        ["line"] = Chart.Line(new[] { 1.0, 2, 3 }, [0.5, 0.7, 0.8], "accuracy", lower: [0.4, 0.65, 0.78], upper: [0.6, 0.75, 0.82]),
        ["scatter"] = Chart.Scatter(new[] { 1.0, 2, 3, 4 }, new[] { 1.0, 3, 2, 4 }, name: "cluster", groups: new[] { 1, 0, 1, 0 }),
        ["bar"] = Chart.Bar(["a", "b"], [("train", [0.9, 0.8]), ("test", [0.7, 0.75])], BarMode.Group),
        ["bar-horizontal-stacked"] = Chart.Bar(["a", "b"], [("x", [1.0, 2]), ("y", [3.0, 1])], BarMode.Stack, horizontal: true),
        ["histogram"] = Chart.Histogram([("ham", [1.0, 2, 2, 3]), ("spam", [2.0, 4, 5])], bins: 4),
        ["box"] = Chart.Box([("a", [1.0, 2, 3, 4]), ("b", [2.0, 3, 5])]),
        ["subplots"] = Figure.Subplots(
            [Chart.Roc(Labels, ScoresA), Chart.Heatmap(new double[,] { { 1, 0 }, { 0, 1 } }, title: "Identity")], columns: 2, title: "Two panels"),
    };
}

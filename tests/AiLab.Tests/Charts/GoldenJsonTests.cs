using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>
/// The JSON each trace type and each ready-made chart produces, against reviewed golden files
/// (Golden/*.json; regenerate with AILAB_UPDATE_GOLDEN=1 and review the diff). The theme template is
/// checked once on its own and left out of the chart files.
/// </summary>
public sealed class GoldenJsonTests
{
    public static TheoryData<string> TraceNames => new(Traces().Keys);

    public static TheoryData<string> ChartNames => new(SampleFigures.All().Keys);

    internal static Dictionary<string, Trace> Traces() => new()
    {
        ["scatter-lines-markers"] = Trace.Scatter(new[] { 1.0, 2, 3 }, new[] { 2.0, double.NaN, 5 }, name: "s", mode: ScatterMode.Lines | ScatterMode.Markers,
            color: "#4e79a7", width: 3, dash: Dash.Dot, markerSize: 8, markerSymbol: "diamond"),
        ["scatter-fill-band"] = Trace.Scatter(new[] { "a", "b" }, new[] { 1.0, 2 }, mode: ScatterMode.Lines, fill: Fill.ToNextY, fillColor: "rgba(78, 121, 167, 0.2)",
            width: 0, showLegend: false, legendGroup: "g"),
        ["scatter-error-bars"] = Trace.Scatter(new[] { 1, 2 }, new[] { 0.5, 0.7 }, errorY: new[] { 0.1, 0.2 }, errorYMinus: new[] { 0.05, 0.1 }),
        ["scatter-color-scale"] = Trace.Scatter(new[] { 1.0, 2 }, new[] { 3.0, 4 }, mode: ScatterMode.Markers, markerColor: new[] { 0.0, 1 },
            colorscale: Colorscale.Viridis, colorbarTitle: "value", text: new[] { "p", "q" }, hoverTemplate: "%{text}"),
        ["scatter-dates"] = Trace.Scatter(new[] { new DateTime(2024, 1, 1), new DateTime(2024, 1, 2, 6, 0, 0) }, new[] { 1, 2 }, xAxis: "x2", yAxis: "y2"),
        ["bar-vertical"] = Trace.Bar(new[] { "a", "b" }, new[] { 3.0, 4 }, name: "n", text: new[] { "3", "4" }, textPosition: "outside", errorBars: new[] { 0.5, 0.25 }),
        ["bar-horizontal-floating"] = Trace.Bar(new[] { 0.2, -0.1 }, new[] { "f1", "f2" }, orientation: Orientation.Horizontal, baseValues: new[] { 0.0, 0.2 },
            colors: new[] { "#ff0051", "#008bfb" }),
        ["histogram-bins"] = Trace.Histogram(new[] { 1.0, 2, 2, 3 }, name: "h", bins: (0, 4, 1), histNorm: HistNorm.Probability, opacity: 0.6),
        ["histogram-horizontal"] = Trace.Histogram(new[] { 1, 2, 3 }, maxBins: 10, orientation: Orientation.Horizontal),
        ["heatmap-annotated"] = Trace.Heatmap(new double[,] { { 1, 2 }, { 3, double.NaN } }, x: new[] { "c1", "c2" }, y: new[] { "r1", "r2" },
            colorscale: Colorscale.Blues, zMin: 0, zMax: 4, text: new[,] { { "one", "two" }, { "three", "none" } }, textTemplate: "%{text}", colorbarTitle: "count", gap: 1),
        ["image-rgb"] = Trace.Image(new double[,,] { { { 255, 0, 0 }, { 0, 255, 0 } } }, name: "pixels"),
        ["box-all-points"] = Trace.Box(new[] { 1.0, 2, 3, 10 }, name: "b", points: BoxPoints.All, showMean: true, color: "#59a14f"),
        ["box-no-points-horizontal"] = Trace.Box(new[] { 1.0, 2 }, orientation: Orientation.Horizontal, points: null),
        ["raw-violin"] = Trace.Of("violin").With("y", new[] { 1, 2, 3 }).With("box.visible", true),
    };

    [Theory]
    [MemberData(nameof(TraceNames))]
    public void Trace_MatchesGolden(string name) =>
        ChartTestFiles.AssertGolden("traces/" + name, JsonNode.Parse(Traces()[name].ToJson())!);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_MatchesGolden(string name)
    {
        var json = JsonNode.Parse(SampleFigures.All()[name].ToJson())!.AsObject();
        json["layout"]!.AsObject().Remove("template");
        ChartTestFiles.AssertGolden("charts/" + name, json);
    }

    [Fact]
    public void ThemeTemplate_MatchesGolden() =>
        ChartTestFiles.AssertGolden("theme-template", new Figure().Get("layout.template")!);
}

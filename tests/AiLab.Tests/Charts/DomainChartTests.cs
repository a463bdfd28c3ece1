using System.Text.Json.Nodes;
using AiLab.Charts;
using AiLab.Metrics;
using Plotly.NET;
using Plotly.NET.CSharp;
using static AiLab.Tests.Charts.ChartJson;

namespace AiLab.Tests.Charts;

/// <summary>What each domain chart draws, read back from the plotly.js JSON of the Plotly.NET chart it returns.</summary>
public sealed class DomainChartTests
{
    private static readonly int[] Labels = [0, 0, 1, 1, 0, 1, 1, 0];
    private static readonly double[] ScoresA = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2];
    private static readonly double[] ScoresB = [0.3, 0.2, 0.6, 0.7, 0.1, 0.9, 0.8, 0.5];

    [Fact]
    public void Roc_SeveralModels_DrawsLibraryCurvesWithAucAndTheChanceDiagonal()
    {
        var chart = LabChart.Roc(("A", Labels, ScoresA), ("B", Labels, ScoresB));
        var traces = Traces(chart);
        Assert.Equal(3, traces.Count);
        var chance = Trace(chart, "chance (AUC = 0.500)");
        Assert.Equal([0.0, 1.0], Doubles(chance["x"]));
        Assert.Equal([0.0, 1.0], Doubles(chance["y"]));
        Assert.Equal("dash", (string?)chance["line"]!["dash"]);
        var expected = Classification.RocCurve(Labels, ScoresA, dropIntermediate: false);
        // AUC of A: 13 of 16 positive–negative pairs ranked right, ties half (sklearn: 0.8125).
        var a = Trace(chart, "A (AUC = 0.813)");
        Assert.Equal(expected.Fpr, Doubles(a["x"]));
        Assert.Equal(expected.Tpr, Doubles(a["y"]));
        // B separates the classes perfectly.
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 0.5, 0.75, 1.0], Doubles(Trace(chart, "B (AUC = 1.000)")["x"]));
        Assert.Equal("False positive rate", (string?)Layout(chart)["xaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void PrecisionRecall_DrawsStepsWithAverageAndNoSkillLineAtThePositiveRate()
    {
        var chart = LabChart.PrecisionRecall(("A", Labels, ScoresA));
        var noSkill = Trace(chart, "no skill (AP = 0.500)");
        Assert.Equal([0.5, 0.5], Doubles(noSkill["y"]));
        var expected = Classification.PrecisionRecallCurve(Labels, ScoresA);
        var curve = Traces(chart)[1]!;
        Assert.StartsWith("A (AP = ", (string?)curve["name"]);
        Assert.Equal(expected.Recall, Doubles(curve["x"]));
        Assert.Equal(expected.Precision, Doubles(curve["y"]));
        Assert.Equal("hv", (string?)curve["line"]!["shape"]);
    }

    [Fact]
    public void ConfusionMatrix_CountsAndRowSharesInAnAnnotatedHeatmap()
    {
        int[] truth = [0, 0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 1, 1, 2, 2];
        var chart = LabChart.ConfusionMatrix(truth, predicted, ["cat", "dog", "fox"]);
        var heatmap = Traces(chart).Single()!;
        Assert.Equal("heatmap", (string?)heatmap["type"]);
        var counts = heatmap["customdata"]!.AsArray().Select(row => row!.AsArray().Select(v => (int)v!).ToArray()).ToArray();
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], counts);
        Assert.Equal([2 / 3.0, 1 / 3.0, 0], Doubles(heatmap["z"]![0]));
        Assert.Equal(["2<br>66.7%", "1<br>33.3%", "0<br>0.0%"], Strings(heatmap["text"]![0]));
        Assert.Equal("%{text}", (string?)heatmap["texttemplate"]);
        Assert.Equal(["cat", "dog", "fox"], Strings(heatmap["x"]));
        Assert.Equal("reversed", (string?)Layout(chart)["yaxis"]!["autorange"]);
        Assert.Contains("not a class index", Assert.Throws<ArgumentException>(() => LabChart.ConfusionMatrix([3], [0], ["a", "b"])).Message);
    }

    [Fact]
    public void Calibration_DrawsLibraryBinsOverTheDiagonalWithCounts()
    {
        // Two bins of width 0.5: [0.1, 0.2, 0.3] → 1 of 3 positive; [0.7, 0.8, 0.9] → 2 of 3.
        int[] labels = [0, 1, 0, 1, 0, 1];
        double[] probabilities = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
        var chart = LabChart.Calibration(labels, probabilities, "m", bins: 2);
        Assert.Equal([0.0, 1.0], Doubles(Trace(chart, "perfectly calibrated")["y"]));
        var curve = Trace(chart, "m");
        Assert.Equal([0.2, 0.8], Doubles(curve["x"]).Select(v => Math.Round(v, 12)));
        Assert.Equal([1 / 3.0, 2 / 3.0], Doubles(curve["y"]));
        Assert.Equal([3.0, 3.0], Doubles(curve["customdata"]));
    }

    [Fact]
    public void LossCurves_ManyRuns_TrainSolidValidationDashedBestStarred()
    {
        var chart = LabChart.LossCurves([("small", [1.0, 0.5, 0.4], [1.1, 0.7, 0.9]), ("big", [0.9, 0.3], null)], logY: true);
        var traces = Traces(chart);
        Assert.Equal(["small train", "small validation", "small best validation", "big train"], traces.Select(t => (string)t!["name"]!).ToArray());
        Assert.Equal([1.0, 2.0, 3.0], Doubles(traces[0]!["x"]));
        Assert.Equal("dash", (string?)traces[1]!["line"]!["dash"]);
        Assert.Equal([2.0], Doubles(traces[2]!["x"]));
        Assert.Equal([0.7], Doubles(traces[2]!["y"]));
        Assert.Equal(traces[0]!["line"]!["color"]!.ToString(), traces[1]!["line"]!["color"]!.ToString());
        Assert.NotEqual(traces[0]!["line"]!["color"]!.ToString(), traces[3]!["line"]!["color"]!.ToString());
        Assert.Equal("log", (string?)Layout(chart)["yaxis"]!["type"]);
        Assert.Equal("Training and validation loss", (string?)Layout(chart)["title"]!["text"]);
    }

    [Fact]
    public void Line_WithBand_DrawsLowerThenFilledUpperThenTheLine()
    {
        var chart = LabChart.Line([1.0, 2, 3], [0.5, 0.6, 0.7], "accuracy", lower: [0.4, 0.5, 0.6], upper: [0.6, 0.7, 0.8]);
        var traces = Traces(chart);
        Assert.Equal(3, traces.Count);
        Assert.Equal([0.4, 0.5, 0.6], Doubles(traces[0]!["y"]));
        Assert.Equal("tonexty", (string?)traces[1]!["fill"]);
        Assert.Equal([0.6, 0.7, 0.8], Doubles(traces[1]!["y"]));
        Assert.Equal("accuracy", (string?)traces[2]!["name"]);
        Assert.Equal("lines+markers", (string?)traces[2]!["mode"]);
        Assert.Contains("needs both", Assert.Throws<ArgumentException>(() => LabChart.Line([1.0], [1.0], lower: [0.0])).Message);
    }

    [Fact]
    public void LineSeries_IntegerPositions_AreDrawnAsNumbers()
    {
        var trace = Traces(LabChart.Line([new LineSeries("k", new[] { 5, 10, 20 }, [0.5, 0.6, 0.7], color: "#1f77b4", dash: StyleParam.DrawingStyle.Dash)]))[0]!;
        Assert.Equal([5.0, 10.0, 20.0], Doubles(trace["x"]));
        Assert.Equal("#1f77b4", (string?)trace["line"]!["color"]);
        Assert.Equal("dash", (string?)trace["line"]!["dash"]);
    }

    [Fact]
    public void Line_NonFiniteValues_BecomeGaps()
    {
        var y = Traces(LabChart.Line([new LineSeries("run", [1.0, 2, 3], [1.0, double.NaN, 3])]))[0]!["y"]!.AsArray();
        Assert.Null(y[1]);
        Assert.Equal(3.0, (double)y[2]!);
    }

    [Fact]
    public void Scatter_Groups_OneTracePerGroupInNumericOrder()
    {
        var chart = LabChart.Scatter([1.0, 2, 3, 4], [1.0, 2, 3, 4], groups: [10, 2, 10, 2], name: "cluster");
        var traces = Traces(chart);
        Assert.Equal(["2", "10"], traces.Select(t => (string)t!["name"]!).ToArray());
        Assert.Equal([2.0, 4.0], Doubles(traces[0]!["x"]));
        Assert.Equal("cluster", (string?)Layout(chart)["legend"]!["title"]!["text"]);
        Assert.Equal("markers", (string?)Traces(LabChart.Scatter([1.0], [2.0], name: "one"))[0]!["mode"]);
    }

    [Fact]
    public void Bar_SeveralSeries_GroupedWithValuesWritten()
    {
        var chart = LabChart.Bar(["fold 1", "fold 2"], [("A", [0.9, 0.8]), ("B", [0.7, 0.6])], valueFormat: "0.00");
        var traces = Traces(chart);
        Assert.Equal(2, traces.Count);
        Assert.Equal(["fold 1", "fold 2"], Strings(traces[1]!["x"]));
        Assert.Equal([0.7, 0.6], Doubles(traces[1]!["y"]));
        Assert.Equal(["0.70", "0.60"], Strings(traces[1]!["text"]));
        Assert.Equal("group", (string?)Layout(chart)["barmode"]);
        var horizontal = LabChart.Bar(["a", "b"], [1.0, 2.0], horizontal: true, errors: [0.1, 0.2]);
        Assert.Equal("h", (string?)Traces(horizontal)[0]!["orientation"]);
        Assert.Equal([0.1, 0.2], Doubles(Traces(horizontal)[0]!["error_x"]!["array"]));
        Assert.False((bool)Layout(horizontal)["showlegend"]!);
    }

    [Fact]
    public void Heatmap_SignedData_DivergingScaleCentredOnZero()
    {
        var chart = LabChart.Heatmap(new double[,] { { -1, 2 }, { 3, -4 } }, xLabels: ["k1", "k2"], annotate: true);
        var heatmap = Traces(chart)[0]!;
        Assert.Equal(0.0, (double)heatmap["zmid"]!);
        Assert.Equal([-1.0, 2.0], Doubles(heatmap["z"]![0]));
        Assert.Equal("%{z:.2f}", (string?)heatmap["texttemplate"]);
        Assert.Equal("Viridis", (string?)Traces(LabChart.Heatmap(new double[,] { { 1, 2 } }))[0]!["colorscale"]);
    }

    [Fact]
    public void ImageGrid_OneTilePerImageWithCaptionsAndGapsBetween()
    {
        // Three 2×2 images, two per row: the mosaic is 2 rows of tiles with a 1-pixel gap and a caption band.
        double[] pixels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        var chart = LabChart.ImageGrid(pixels, height: 2, width: 2, captions: ["a", "b", "c"], columns: 2);
        var z = Traces(chart)[0]!["z"]!.AsArray();
        var cells = z.SelectMany(row => row!.AsArray()).ToArray();
        Assert.Equal(12, cells.Count(c => c is not null));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (double)i), cells.Where(c => c is not null).Select(c => (double)c!).Order());
        Assert.Equal(["a", "b", "c"], Layout(chart)["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToArray());
        Assert.Equal(0.0, (double)Traces(chart)[0]!["zmin"]!);
        Assert.Equal(11.0, (double)Traces(chart)[0]!["zmax"]!);
        Assert.Equal("x", (string?)Layout(chart)["yaxis"]!["scaleanchor"]);
    }

    [Fact]
    public void ImageWithBoxes_OneRectanglePerBoxTaggedWithLabelAndScore()
    {
        var chart = LabChart.ImageWithBoxes(new double[4, 6], [new BoundingBox(1, 1, 3, 3, "square", IsGroundTruth: true), new BoundingBox(0, 0, 2, 4, "square", 0.87)]);
        var shapes = Layout(chart)["shapes"]!.AsArray();
        Assert.Equal(2, shapes.Count);
        Assert.Equal("dash", (string?)shapes[0]!["line"]!["dash"]);
        Assert.Equal(0.5, (double)shapes[0]!["x0"]!);
        Assert.Equal(["square", "square 0.87"], Layout(chart)["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToArray());
    }

    [Fact]
    public void Shap_BarRanksMeanAbsoluteAndWaterfallWalksFromBaseToPrediction()
    {
        var phi = new double[,] { { 0.5, -0.1, 0.0 }, { -0.3, 0.1, 0.2 } };
        var bar = Traces(LabChart.ShapBar(phi, ["a", "b", "c"]))[0]!;
        Assert.Equal(["a", "b", "c"], Strings(bar["y"]));
        Assert.Equal([0.4, 0.1, 0.1], Doubles(bar["x"]).Select(v => Math.Round(v, 12)));
        var waterfall = LabChart.ShapWaterfall([0.5, -0.2, 0.1], baseValue: 1.0, ["a", "b", "c"]);
        var steps = Traces(waterfall)[0]!;
        Assert.Equal([0.5, -0.2, 0.1], Doubles(steps["x"]));
        // Bars listed top (largest |φ|) to bottom; the walk starts at E[f(X)] = 1 at the bottom.
        Assert.Equal([0.9, 1.1, 1.0], Doubles(steps["base"]).Select(v => Math.Round(v, 12)));
        Assert.Contains("f(x) = 1.400", (string?)Layout(waterfall)["title"]!["text"]);
        var swarm = Traces(LabChart.ShapBeeswarm(phi, new double[,] { { 1, 2, 3 }, { 4, double.NaN, 6 } }, ["a", "b", "c"]));
        Assert.Equal(5, swarm[0]!["x"]!.AsArray().Count);
        Assert.Single(swarm[1]!["x"]!.AsArray());
    }

    [Fact]
    public void ChartStyle_TitleAxesAndReferenceLines_AddToTheLayout()
    {
        var chart = LabChart.Line([1.0, 10, 100], [1.0, 2, 3], "s")
            .WithTitle("Sweep", "three points")
            .WithXAxis("size", range: (1, 100), type: StyleParam.AxisType.Log)
            .WithYAxis("score")
            .WithVLine(10, label: "chosen")
            .WithHLine(2, dash: StyleParam.DrawingStyle.Dot);
        var layout = Layout(chart);
        Assert.Equal("Sweep<br><sub>three points</sub>", (string?)layout["title"]!["text"]);
        Assert.Equal("log", (string?)layout["xaxis"]!["type"]);
        Assert.Equal([0.0, 2.0], Doubles(layout["xaxis"]!["range"]));
        Assert.Equal("score", (string?)layout["yaxis"]!["title"]!["text"]);
        var shapes = layout["shapes"]!.AsArray();
        Assert.Equal([10.0, 10.0], [(double)shapes[0]!["x0"]!, (double)shapes[0]!["x1"]!]);
        Assert.Equal("dot", (string?)shapes[1]!["line"]!["dash"]);
        Assert.Equal("chosen", (string?)layout["annotations"]![0]!["text"]);
    }

    [Fact]
    public void WithXAxis_Ticks_SetsTickValuesAndKeepsTheRest()
    {
        var chart = LabChart.Line([1.0, 2, 4, 8], [1.0, 2, 3, 4], "s")
            .WithXAxis("temperature", type: StyleParam.AxisType.Log, ticks: [1, 2, 4, 8])
            .WithYAxis(ticks: [0.5, 1]);
        var layout = Layout(chart);
        Assert.Equal("array", (string?)layout["xaxis"]!["tickmode"]);
        Assert.Equal([1.0, 2.0, 4.0, 8.0], Doubles(layout["xaxis"]!["tickvals"]));
        Assert.Equal("log", (string?)layout["xaxis"]!["type"]);
        Assert.Equal("temperature", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal([0.5, 1.0], Doubles(layout["yaxis"]!["tickvals"]));
        // Without ticks, plotly.js chooses them: no tickmode is written.
        Assert.Null(Layout(LabChart.Line([1.0, 2], [1.0, 2], "s").WithXAxis("x"))["xaxis"]!["tickmode"]);
    }

    [Fact]
    public void Restyling_WithPlotlyNetsOwnApi_MergesIntoOurAxesAndLayout()
    {
        var chart = LabChart.Roc(Labels, ScoresA)
            .WithTitle("Mine")
            .WithXAxisStyle<double, double, string>(TitleText: "FPR")
            .WithSize(800, 700);
        var layout = Layout(chart);
        Assert.Equal("Mine", (string?)layout["title"]!["text"]);
        Assert.Equal("FPR", (string?)layout["xaxis"]!["title"]!["text"]);
        // Our range survives Plotly.NET's axis styling (the axis objects are Plotly.NET's LinearAxis).
        Assert.Equal([-0.01, 1.01], Doubles(layout["xaxis"]!["range"]));
        Assert.Equal(800, (int)layout["width"]!);
    }
}

using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>The ready-made charts put the right numbers in the right places.</summary>
public sealed class ChartGeometryTests
{
    private static double[] Doubles(JsonNode? array) => array!.AsArray().Select(v => v is null ? double.NaN : (double)v).ToArray();

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => (string)v!).ToArray();

    [Fact]
    public void Roc_KnownScores_GivesStepPointsAndAucInLegend()
    {
        // Positives score 0.9 and 0.4; negatives 0.4 (a tie with a positive) and 0.1.
        var figure = Chart.Roc([1, 1, 0, 0], [0.9, 0.4, 0.4, 0.1], "m");
        var curve = figure.Traces.Single(t => t.Name!.StartsWith("m ", StringComparison.Ordinal));
        Assert.Equal([0, 0, 0.5, 1], Doubles(curve.Get("x")));
        Assert.Equal([0, 0.5, 1, 1], Doubles(curve.Get("y")));
        // Area: 0.5 × (0.5 + 1) / 2 + 0.5 × 1 = 0.875 (the tie counts half).
        Assert.Equal("m (AUC = 0.875)", curve.Name);
        var chance = figure.Traces.Single(t => t.Name!.StartsWith("chance", StringComparison.Ordinal));
        Assert.Equal([0, 1], Doubles(chance.Get("x")));
        Assert.Equal([0, 1], Doubles(chance.Get("y")));
    }

    [Fact]
    public void Roc_PrecomputedPoints_UseTrapezoidAuc()
    {
        var figure = Chart.Roc(("given", new[] { 0, 0.5, 1.0 }, new[] { 0, 0.75, 1.0 }));
        Assert.Contains(figure.Traces, t => t.Name == "given (AUC = 0.625)"); // 0.5·(0 + 0.75)/2 + 0.5·(0.75 + 1)/2
    }

    [Fact]
    public void PrecisionRecall_KnownScores_GivesApAndNoSkillLine()
    {
        // Ranked: 0.9 (+), 0.8 (−), 0.7 (+), 0.1 (−). AP = ½·1 + ½·⅔ = 0.8333.
        var figure = Chart.PrecisionRecall([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], "m");
        Assert.Contains(figure.Traces, t => t.Name == "m (AP = 0.833)");
        var noSkill = figure.Traces.Single(t => t.Name!.StartsWith("no skill", StringComparison.Ordinal));
        Assert.Equal([0.5, 0.5], Doubles(noSkill.Get("y")));
    }

    [Fact]
    public void ConfusionMatrix_ShowsCountsAndRowShares()
    {
        var figure = Chart.ConfusionMatrix(new[,] { { 8, 2 }, { 1, 3 } }, ["neg", "pos"]);
        var z = figure.Traces[0].Get("z")!.AsArray().Select(Doubles).ToArray();
        Assert.Equal([0.8, 0.2], z[0]);
        Assert.Equal([0.25, 0.75], z[1]);
        Assert.Equal("8<br>80.0%", (string)figure.Traces[0].Get("text")![0]![0]!);
        Assert.Equal("category", (string)figure.Get("layout.xaxis.type")!);
        Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix([0, 3], [0, 1], ["a", "b"]));
    }

    [Fact]
    public void ShapBeeswarm_OrdersRowsByMeanAbsoluteShap()
    {
        var figure = Chart.ShapBeeswarm(SampleFigures.Shap, SampleFigures.FeatureValues, SampleFigures.Features);
        // mean |φ|: age 0.1, bmi 0.4, bp 0.25, s1 0.05 → rows top to bottom: bmi, bp, age, s1.
        Assert.Equal(["bmi", "bp", "age", "s1"], Strings(figure.Get("layout.yaxis.ticktext")));
        Assert.Equal([3, 2, 1, 0], Doubles(figure.Get("layout.yaxis.tickvals")));
        // Every point sits in its feature's band, at its own φ.
        var dots = figure.Traces[0];
        var x = Doubles(dots.Get("x"));
        var y = Doubles(dots.Get("y"));
        var text = Strings(dots.Get("text"));
        for (var i = 0; i < x.Length; i++)
        {
            var row = Array.IndexOf(Strings(figure.Get("layout.yaxis.ticktext")), text[i].Split(" = ")[0]);
            Assert.InRange(y[i], 3 - row - 0.4, 3 - row + 0.4);
            var feature = Array.IndexOf(SampleFigures.Features, text[i].Split(" = ")[0]);
            Assert.Contains(x[i], Enumerable.Range(0, 4).Select(s => SampleFigures.Shap[s, feature]));
        }
        // The sample with a missing s1 value is drawn grey in its own trace.
        Assert.Equal("value missing", figure.Traces[1].Name);
        Assert.Equal(["s1 = missing"], Strings(figure.Traces[1].Get("text")));
    }

    [Fact]
    public void BeeswarmLayout_CrowdedBinsSpreadSymmetrically()
    {
        var offsets = BeeswarmLayout.Offsets([1, 1, 1, 1, 1, 5]);
        // Five equal values stack 0, +1, −1, +2, −2 (scaled); the lone value stays on the line.
        var scale = offsets[1];
        Assert.True(scale > 0);
        Assert.Equal([0, scale, -scale, 2 * scale, -2 * scale, 0], offsets, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.True(offsets.Max(Math.Abs) <= 0.4);
    }

    [Fact]
    public void ShapWaterfall_BarsChainFromBaseValueToPrediction()
    {
        double[] phi = [0.3, -0.2, 0.05, 0.01, -0.4, 0.12];
        var names = new[] { "a", "b", "c", "d", "e", "f" };
        const double baseValue = 1.5;
        var figure = Chart.ShapWaterfall(phi, baseValue, names, maxDisplay: 4);
        var bars = figure.Traces[0];
        var labels = Strings(bars.Get("y"));
        var lengths = Doubles(bars.Get("x"));
        var starts = Doubles(bars.Get("base"));
        // Largest |φ| on top: e, a, b, then the three smallest summed.
        Assert.Equal(["e", "a", "b", "3 other features"], labels);
        Assert.Equal(0.05 + 0.01 + 0.12, lengths[3], 12);
        // The walk starts at E[f(X)] at the bottom; each bar starts where the one below ends; the top ends at f(x).
        Assert.Equal(baseValue, starts[^1], 12);
        for (var i = 0; i < labels.Length - 1; i++) Assert.Equal(starts[i + 1] + lengths[i + 1], starts[i], 12);
        Assert.Equal(baseValue + phi.Sum(), starts[0] + lengths[0], 12);
        Assert.Equal(baseValue + phi.Sum(), (double)figure.Get("layout.shapes[1].x0")!, 12);
        Assert.Contains($"f(x) = {baseValue + phi.Sum():0.000}", (string)figure.Get("layout.title.subtitle.text")!);
    }

    [Fact]
    public void ShapCharts_FromExplanation_EqualChartsFromArrays()
    {
        var explanation = new AiLab.Explain.ShapExplanation(0.4, SampleFigures.Shap, SampleFigures.FeatureValues, SampleFigures.Features);
        Assert.Equal(Chart.ShapBar(SampleFigures.Shap, SampleFigures.Features).ToJson(), Chart.ShapBar(explanation).ToJson());
        Assert.Equal(Chart.ShapBeeswarm(SampleFigures.Shap, SampleFigures.FeatureValues, SampleFigures.Features).ToJson(),
            Chart.ShapBeeswarm(explanation).ToJson());
        Assert.Equal(Chart.ShapWaterfall([-0.1, 0.3, -0.3, -0.05], 0.4, SampleFigures.Features, [30, 31.0, 95, double.NaN]).ToJson(),
            Chart.ShapWaterfall(explanation, row: 1).ToJson());
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart.ShapWaterfall(explanation, row: 4));
    }

    [Fact]
    public void ShapBar_SumsTheRestIntoOneBar()
    {
        var figure = Chart.ShapBar(SampleFigures.Shap, SampleFigures.Features, maxDisplay: 3);
        Assert.Equal(["bmi", "bp", "2 other features"], Strings(figure.Traces[0].Get("y")));
        Assert.Equal([0.4, 0.25, 0.15], Doubles(figure.Traces[0].Get("x")), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Throws<ArgumentException>(() => Chart.ShapBar(SampleFigures.Shap, ["a", "b"]));
        Assert.Throws<ArgumentException>(() => Chart.ShapBar(SampleFigures.Shap, ["a", "a", "b", "c"]));
    }

    [Fact]
    public void ImageGrid_PlacesEachImageInItsTile()
    {
        var images = Enumerable.Range(0, 5).Select(k => new double[,] { { k, k + 0.5 }, { k + 0.25, k + 0.75 } }).ToArray();
        var figure = Chart.ImageGrid(images, images.Select((_, k) => $"#{k}").ToArray(), columns: 3, tileSize: 20);
        var z = figure.Traces[0].Get("z")!.AsArray().Select(Doubles).ToArray();
        // 2×2 images, 1-unit gaps, a 1-unit caption band above each row (ceil(18 px / 10 px per unit) = 2 units).
        const int band = 2, pitchX = 3, pitchY = band + 2 + 1;
        for (var k = 0; k < images.Length; k++)
        {
            var (top, left) = (k / 3 * pitchY + band, k % 3 * pitchX);
            for (var r = 0; r < 2; r++)
                for (var c = 0; c < 2; c++) Assert.Equal(images[k][r, c], z[top + r][left + c]);
            Assert.Equal($"#{k}", (string)figure.Get($"layout.annotations[{k}].text")!);
        }
        Assert.True(double.IsNaN(z[band][2]), "gaps between tiles are blank");
        Assert.Single(figure.Traces);
        Assert.Equal(0, (double)figure.Traces[0].Get("zmin")!);
        Assert.Equal(4.75, (double)figure.Traces[0].Get("zmax")!);
    }

    [Fact]
    public void ImageGrid_FlatPixels_SplitRowMajor()
    {
        var figure = Chart.ImageGrid([1.0, 2, 3, 4, 5, 6, 7, 8], height: 2, width: 2, columns: 2);
        var z = figure.Traces[0].Get("z")!.AsArray().Select(Doubles).ToArray();
        Assert.Equal([1, 2, double.NaN, 5, 6], z[0]);
        Assert.Equal([3, 4, double.NaN, 7, 8], z[1]);
        Assert.Throws<ArgumentException>(() => Chart.ImageGrid([1.0, 2, 3], height: 2, width: 2));
    }

    [Fact]
    public void ImageWithBoxes_BoxEdgesSitOnPixelEdges()
    {
        var figure = Chart.ImageWithBoxes(new double[4, 6], [new BoundingBox(1, 0, 3, 2, "cat", 0.8)]);
        Assert.Equal(0.5, (double)figure.Get("layout.shapes[0].x0")!);
        Assert.Equal(-0.5, (double)figure.Get("layout.shapes[0].y0")!);
        Assert.Equal(2.5, (double)figure.Get("layout.shapes[0].x1")!);
        Assert.Equal(1.5, (double)figure.Get("layout.shapes[0].y1")!);
        Assert.Equal("cat 0.80", (string)figure.Get("layout.annotations[0].text")!);
        Assert.Throws<ArgumentException>(() => Chart.ImageWithBoxes(new double[4, 6], [new BoundingBox(3, 0, 1, 2)]));
    }

    [Fact]
    public void LossCurves_MarkLowestValidationLoss()
    {
        var figure = Chart.LossCurves([("run", [1.0, 0.5, 0.3, 0.2], [1.2, 0.7, 0.6, 0.65])]);
        var best = figure.Traces.Single(t => t.Name == "run best validation");
        Assert.Equal([3], Doubles(best.Get("x")));
        Assert.Equal([0.6], Doubles(best.Get("y")));
        Assert.Equal([1, 2, 3, 4], Doubles(figure.Traces[0].Get("x")));
    }

    [Fact]
    public void Line_BandIsFilledBetweenLowerAndUpper()
    {
        var figure = Chart.Line(new[] { 1.0, 2 }, [5.0, 6], "m", lower: [4.0, 5], upper: [6.0, 7]);
        Assert.Equal(3, figure.Traces.Count);
        Assert.Equal([4, 5], Doubles(figure.Traces[0].Get("y")));
        Assert.Equal("tonexty", (string)figure.Traces[1].Get("fill")!);
        Assert.Equal([6, 7], Doubles(figure.Traces[1].Get("y")));
        Assert.Equal("m", figure.Traces[2].Name);
        Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, 2 }, [5.0, 6], "m", lower: [4.0, 5]));
    }

    [Fact]
    public void Histogram_SeriesShareBinEdges()
    {
        var figure = Chart.Histogram([("a", [0.0, 1, 2]), ("b", [5.0, 10])], bins: 5);
        var a = figure.Traces[0].Get("xbins")!.ToJsonString();
        Assert.Equal(a, figure.Traces[1].Get("xbins")!.ToJsonString());
        Assert.Equal(0, (double)figure.Traces[0].Get("xbins.start")!);
        Assert.Equal(2, (double)figure.Traces[0].Get("xbins.size")!);
        Assert.True((double)figure.Traces[0].Get("xbins.end")! > 10);
    }

    [Fact]
    public void Scatter_GroupsBecomeLegendEntriesInNumericOrder()
    {
        var figure = Chart.Scatter(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, groups: new[] { 10, 2, 10 });
        Assert.Equal(["2", "10"], figure.Traces.Select(t => t.Name!));
        Assert.Equal([1, 3], Doubles(figure.Traces[1].Get("x")));
    }
}

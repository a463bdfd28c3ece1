using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

public sealed class FigureTests
{
    private static Figure Simple() => new(Trace.Scatter(new[] { 1.0, 2 }, new[] { 3.0, 4 }, name: "a"));

    [Fact]
    public void With_ReturnsChangedCopy_OriginalUnchanged()
    {
        var original = Simple();
        var changed = original.WithTitle("T").With("layout.xaxis.dtick", 1).With("data[0].marker.size", 9).With("config.scrollZoom", true);
        Assert.Null(original.Title);
        Assert.Null(original.Get("layout.xaxis.dtick"));
        Assert.Null(original.Get("data[0].marker.size"));
        Assert.Equal("T", changed.Title);
        Assert.Equal(1, (int)changed.Get("layout.xaxis.dtick")!);
        Assert.Equal(9, (int)changed.Get("data[0].marker.size")!);
        Assert.True((bool)changed.Get("config.scrollZoom")!);
    }

    [Fact]
    public void Get_ReturnsCopy_ThatCannotChangeTheFigure()
    {
        var figure = Simple().WithTitle("T");
        var title = (JsonObject)figure.Get("layout.title")!;
        title["text"] = "changed";
        Assert.Equal("T", figure.Title);
    }

    [Theory]
    [InlineData("xaxis.range")]
    [InlineData("layout")]
    [InlineData("data[x].name")]
    public void With_PathWithoutRoot_ThrowsWithExample(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => Simple().With(path, 1));
        Assert.Contains("layout.", error.Message);
    }

    [Fact]
    public void With_TraceIndexPastEnd_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Simple().With("data[1].name", "b"));
        Assert.Contains("1 traces", error.Message);
    }

    [Fact]
    public void WithTitle_UsesObjectForm()
    {
        var json = JsonNode.Parse(Simple().WithTitle("Loss", subtitle: "per epoch").ToJson())!;
        Assert.Equal("Loss", (string)json["layout"]!["title"]!["text"]!);
        Assert.Equal("per epoch", (string)json["layout"]!["title"]!["subtitle"]!["text"]!);
    }

    [Fact]
    public void WithYAxis_LogRange_IsConvertedToLog10Units()
    {
        var figure = Simple().WithYAxis("loss", range: (0.01, 10), type: AxisType.Log);
        Assert.Equal("[-2,1]", figure.Get("layout.yaxis.range")!.ToJsonString());
        Assert.Equal("log", (string)figure.Get("layout.yaxis.type")!);
        // A later range on the same (already log) axis is converted too.
        Assert.Equal("[-1,0]", figure.WithYAxis(range: (0.1, 1)).Get("layout.yaxis.range")!.ToJsonString());
        Assert.Throws<ArgumentException>(() => figure.WithYAxis(range: (0, 1)));
    }

    [Fact]
    public void WithXAxis_Reversed_UsesAutorangeOrReversedRange()
    {
        Assert.Equal("reversed", (string)Simple().WithXAxis(reversed: true).Get("layout.xaxis.autorange")!);
        Assert.Equal("[5,0]", Simple().WithXAxis(range: (0, 5), reversed: true).Get("layout.xaxis.range")!.ToJsonString());
        Assert.Equal("epoch", (string)Simple().WithXAxis("epoch", index: 3).Get("layout.xaxis3.title.text")!);
    }

    [Fact]
    public void ShapesAndAnnotations_AreAppended()
    {
        var figure = Simple().WithHLine(0.5, label: "threshold").WithRectangle(0, 0, 1, 1, fillColor: "rgba(0,0,0,0.1)").WithAnnotation(1, 2, "note", showArrow: true);
        var shapes = (JsonArray)figure.Get("layout.shapes")!;
        Assert.Equal(2, shapes.Count);
        Assert.Equal("x domain", (string)shapes[0]!["xref"]!);
        Assert.Equal(0.5, (double)shapes[0]!["y0"]!);
        Assert.Equal("threshold", (string)shapes[0]!["label"]!["text"]!);
        Assert.Equal("below", (string)shapes[1]!["layer"]!);
        Assert.Equal("note", (string)figure.Get("layout.annotations[0].text")!);
    }

    [Fact]
    public void Combine_ConcatenatesTracesAndShapes_LaterLayoutWins()
    {
        var a = Simple().WithTitle("A").WithHLine(1);
        var b = new Figure(Trace.Bar(new[] { "x" }, new[] { 1.0 })).WithTitle("B").WithVLine(2).WithXAxis("x title");
        var combined = Figure.Combine(a, b);
        Assert.Equal(["scatter", "bar"], combined.Traces.Select(t => t.Type));
        Assert.Equal("B", combined.Title);
        Assert.Equal(2, ((JsonArray)combined.Get("layout.shapes")!).Count);
        Assert.Equal("x title", (string)combined.Get("layout.xaxis.title.text")!);
    }

    [Fact]
    public void Subplots_MovesEachPanelToItsOwnAxes()
    {
        var roc = Chart.Roc(SampleFigures.Labels, SampleFigures.ScoresA);
        var heat = Chart.Heatmap(new double[,] { { 1, 0 }, { 0, 1 } }, title: "Identity");
        var grid = Figure.Subplots([roc, heat], columns: 2, title: "Both");
        Assert.Equal(roc.Traces.Count + 1, grid.Traces.Count);
        Assert.All(grid.Traces.Take(roc.Traces.Count), t => Assert.Equal("x", (string)t.Get("xaxis")!));
        Assert.Equal("x2", (string)grid.Traces[^1].Get("xaxis")!);
        Assert.Equal("y2", (string)grid.Traces[^1].Get("yaxis")!);
        Assert.Equal("y2", (string)grid.Get("layout.xaxis2.anchor")!);
        Assert.Equal("reversed", (string)grid.Get("layout.yaxis2.autorange")!);
        // The ROC panel's square aspect now anchors to its own x axis; titles become captions over each panel.
        Assert.Equal("x", (string)grid.Get("layout.yaxis.scaleanchor")!);
        var captions = ((JsonArray)grid.Get("layout.annotations")!).Select(a => ((string)a!["text"]!, (string)a["xref"]!)).ToList();
        Assert.Contains(("ROC curve", "x domain"), captions);
        Assert.Contains(("Identity", "x2 domain"), captions);
        var left = grid.Get("layout.xaxis.domain")!.AsArray().Select(v => (double)v!).ToArray();
        var right = grid.Get("layout.xaxis2.domain")!.AsArray().Select(v => (double)v!).ToArray();
        Assert.True(left[1] < right[0], "panels must not overlap");
        Assert.Equal("Both", grid.Title);
    }

    [Fact]
    public void Subplots_NestedPanel_Throws()
    {
        var nested = Figure.Subplots([Simple(), Simple()]);
        var error = Assert.Throws<ArgumentException>(() => Figure.Subplots([nested]));
        Assert.Contains("cannot be nested", error.Message);
    }

    [Fact]
    public void ToString_SummarisesTitleAndTraces()
    {
        var text = Chart.LossCurves([1.0, 0.5], [1.2, 0.9]).ToString();
        Assert.Equal("Figure \"Training and validation loss\": 3 traces\n  scatter \"train\" (2 points)\n  scatter \"validation\" (2 points)\n  scatter \"best validation\" (1 point)", text);
    }

    [Fact]
    public void Trace_LengthMismatch_ThrowsNamingArguments()
    {
        var error = Assert.Throws<ArgumentException>(() => Trace.Scatter(new[] { 1.0, 2 }, new[] { 1.0 }));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("x has 2 values but y has 1", error.Message);
        Assert.Throws<ArgumentException>(() => Trace.Heatmap(new double[,] { { 1, 2 } }, x: new[] { "a" }));
        Assert.Throws<ArgumentException>(() => Trace.Image(new double[1, 1, 3], colorModel: "rgba"));
    }
}

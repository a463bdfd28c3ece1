using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

public sealed class PlotlyJsonTests
{
    [Fact]
    public void ToNode_NonFiniteNumbers_BecomeNullGaps()
    {
        var node = PlotlyJson.ToNode(new[] { 1.5, double.NaN, double.PositiveInfinity, -2 });
        Assert.Equal("[1.5,null,null,-2]", node!.ToJsonString());
    }

    [Fact]
    public void ToNode_Enums_UseTheirPlotlySpelling()
    {
        Assert.Equal("lines+markers", (string?)PlotlyJson.ToNode(ScatterMode.Lines | ScatterMode.Markers));
        Assert.Equal("none", (string?)PlotlyJson.ToNode(ScatterMode.None));
        Assert.Equal("tonexty", (string?)PlotlyJson.ToNode(Fill.ToNextY));
        Assert.Equal("log", (string?)PlotlyJson.ToNode(AxisType.Log));
        Assert.Equal("-", (string?)PlotlyJson.ToNode(AxisType.Auto));
        Assert.Equal("relative", (string?)PlotlyJson.ToNode(BarMode.Stack));
        Assert.Equal("probability density", (string?)PlotlyJson.ToNode(HistNorm.ProbabilityDensity));
    }

    [Fact]
    public void ToNode_RectangularArray_BecomesRowsOfColumns()
    {
        var node = PlotlyJson.ToNode(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal("[[1,2,3],[4,5,6]]", node!.ToJsonString());
    }

    [Fact]
    public void ToNode_DatesAndAnonymousObjects_AreWrittenAsPlotlyReadsThem()
    {
        Assert.Equal("2024-03-01", (string?)PlotlyJson.ToNode(new DateTime(2024, 3, 1)));
        Assert.Equal("2024-03-01 13:45:10", (string?)PlotlyJson.ToNode(new DateTime(2024, 3, 1, 13, 45, 10)));
        Assert.Equal("{\"showgrid\":false,\"dtick\":0.5}", PlotlyJson.ToNode(new { showgrid = false, dtick = 0.5 })!.ToJsonString());
    }

    [Fact]
    public void Set_MissingLevels_AreCreatedAndNullRemoves()
    {
        var root = new JsonObject();
        PlotlyJson.Set(root, "xaxis.title.text", "epoch");
        PlotlyJson.Set(root, "annotations[0].text", "a");
        PlotlyJson.Set(root, "annotations[1].font.size", 12);
        Assert.Equal("{\"xaxis\":{\"title\":{\"text\":\"epoch\"}},\"annotations\":[{\"text\":\"a\"},{\"font\":{\"size\":12}}]}", root.ToJsonString());
        PlotlyJson.Set(root, "xaxis.title", null);
        Assert.Equal("{}", root["xaxis"]!.ToJsonString());
        Assert.Equal(12, (int)PlotlyJson.Get(root, "annotations[1].font.size")!);
        Assert.Null(PlotlyJson.Get(root, "annotations[5].text"));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("items[x].name")]
    [InlineData("items[3].name")]
    public void Set_BadPath_ThrowsNamingThePath(string path)
    {
        var root = new JsonObject { ["items"] = new JsonArray() };
        var error = Assert.Throws<ArgumentException>(() => PlotlyJson.Set(root, path, 1));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Set_ObjectWhereArrayIs_ThrowsClearly()
    {
        var root = new JsonObject { ["shapes"] = new JsonArray() };
        var error = Assert.Throws<ArgumentException>(() => PlotlyJson.Set(root, "shapes.type", "line"));
        Assert.Contains("does not match the shape", error.Message);
    }
}

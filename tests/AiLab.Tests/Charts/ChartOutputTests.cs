using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>Where <c>chart.Save(name)</c> writes, and the clear errors for bad names and missing tools.</summary>
public sealed class ChartOutputTests
{
    [Fact]
    public void Resolve_RunnerEnvironment_PutsChartsUnderNotebookFolder()
    {
        var paths = ChartOutput.Resolve("roc", "/out", "01-evaluation-metrics", "1");
        Assert.Equal("/out/charts/01-evaluation-metrics/roc.html", paths.Html);
        Assert.Equal("/out/charts/01-evaluation-metrics/roc.png", paths.Png);
        Assert.Equal("/out/plotly.min.js", paths.SharedPlotlyJs);
        Assert.Null(ChartOutput.Resolve("roc", "/out", "nb", null).Png);
        Assert.Null(ChartOutput.Resolve("roc", "/out", "nb", "0").Png);
    }

    [Fact]
    public void Resolve_OutsideRunner_UsesRepositoryArtifactsAndInteractive()
    {
        var paths = ChartOutput.Resolve("loss-curves", null, null, null);
        var repository = new DirectoryInfo(Path.GetDirectoryName(ChartJson.Fixture("x"))!);
        while (!File.Exists(Path.Combine(repository!.FullName, "AiLab.slnx"))) repository = repository.Parent;
        Assert.Equal(Path.Combine(repository.FullName, "artifacts", "charts", "interactive", "loss-curves.html"), paths.Html);
    }

    [Theory]
    [InlineData("roc")]
    [InlineData("loss-curves")]
    [InlineData("fold_1.v2")]
    public void ValidateName_PlainNames_Pass(string name) => ChartOutput.ValidateName(name, "name");

    [Theory]
    [InlineData("", "needed")]
    [InlineData("../roc", "no folder separators")]
    [InlineData("charts/roc", "no folder separators")]
    [InlineData("charts\\roc", "no folder separators")]
    [InlineData(".hidden", "starting with a letter or digit")]
    [InlineData("a..b", "not a valid chart name")]
    [InlineData("roc.html", "without an extension")]
    [InlineData("roc.PNG", "without an extension")]
    public void ValidateName_BadNames_ThrowSayingWhy(string name, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ChartOutput.ValidateName(name, "name"));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Resolve_BadNotebookName_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => ChartOutput.Resolve("roc", "/out", "../escape", null));
        Assert.Equal("AILAB_NOTEBOOK", error.ParamName);
    }

    [Fact]
    public void ChromiumLocator_NothingOnPath_SaysHowToInstall()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ChromiumLocator.Find(null, "/nonexistent-a:/nonexistent-b"));
        Assert.Contains("chromium", error.Message);
        Assert.Contains("make setup", error.Message);
        Assert.Contains("AILAB_CHROMIUM", error.Message);
    }

    [Fact]
    public void ChromiumLocator_OverrideMissing_NamesTheVariableAndPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ChromiumLocator.Find("/nonexistent/chrome", "/usr/bin"));
        Assert.Contains("AILAB_CHROMIUM is set to \"/nonexistent/chrome\"", error.Message);
    }

    [Fact]
    public void ChromiumLocator_FindsChromiumOnPath()
    {
        Assert.Equal("/usr/bin/chromium", ChromiumLocator.Find(null, "/nonexistent:/usr/bin"));
    }
}

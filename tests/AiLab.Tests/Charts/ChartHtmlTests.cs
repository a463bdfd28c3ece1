using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>The HTML around figures: offline pages, the shared library, notebook display output.</summary>
[Collection(ChartDisplayCollection.Name)]
public sealed partial class ChartHtmlTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ailab-chart-html-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteUrl();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [Fact]
    public void SaveHtml_SharedLibrary_ReferencesNoRemoteUrlAndCopiesTheLibraryOnce()
    {
        var first = Path.Combine(folder, "charts", "nb", "roc.html");
        var second = Path.Combine(folder, "charts", "nb", "pr.html");
        var shared = Path.Combine(folder, "plotly.min.js");
        SampleFigures.All()["roc"].SaveHtml(first, "../../plotly.min.js");
        var copied = File.GetLastWriteTimeUtc(shared);
        SampleFigures.All()["precision-recall"].SaveHtml(second, shared); // absolute path: same copy, same relative reference
        var html = File.ReadAllText(second);
        Assert.DoesNotMatch(RemoteUrl(), html);
        Assert.Contains("<script src=\"../../plotly.min.js\"></script>", html);
        Assert.Equal(File.ReadAllBytes(PlotlyJsLibrary.Path), File.ReadAllBytes(shared));
        Assert.Equal(copied, File.GetLastWriteTimeUtc(shared));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void SaveHtml_SelfContained_InlinesPlotlyAndReferencesNoRemoteUrl()
    {
        var path = Path.Combine(folder, "roc.html");
        SampleFigures.All()["roc"].SaveHtml(path);
        var html = File.ReadAllText(path);
        Assert.Contains("plotly.js v" + PlotlyJsLibrary.Version, html);
        Assert.DoesNotContain("<script src", html);
        // plotly.js itself mentions URLs in strings and licence comments (map tile servers it never contacts here);
        // everything else in the page must be local.
        var scripts = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.DoesNotMatch(RemoteUrl(), html.Replace(scripts[0], ""));
        Assert.DoesNotContain("</script", scripts[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SaveHtml_TitleAndJson_AreEscapedForHtml()
    {
        var path = Path.Combine(folder, "escaped.html");
        Chart.Bar(["</script><b>x"], [1.0]).WithTitle("a < b & \"c\" 中文").SaveHtml(path, "plotly.min.js");
        var html = File.ReadAllText(path);
        Assert.Contains("<title>a &lt; b &amp; &quot;c&quot; 中文</title>", html);
        Assert.DoesNotContain("</script><b>", html);
        Assert.Contains("中文", html);
    }

    [Fact]
    public void ScriptSafe_BreaksOnlyClosingScriptTags()
    {
        Assert.Equal("var s = '<\\/script>'; var t = '<\\/SCRIPT >';", PlotlyJsLibrary.ScriptSafe("var s = '</script>'; var t = '</SCRIPT >';"));
    }

    [Fact]
    public void DisplayBundle_HasHtmlAndPlainText_WithUniqueElementIds()
    {
        var figure = SampleFigures.All()["roc"];
        var first = figure.ToDisplayBundle();
        var second = figure.ToDisplayBundle();
        Assert.Equal(["text/html", "text/plain"], first.Keys.Order());
        Assert.Equal(figure.ToString(), first["text/plain"]);
        Assert.StartsWith("Figure \"ROC curve\": 3 traces", first["text/plain"]);
        var ids = new[] { first, second }.Select(b => Regex.Match(b["text/html"], "id=\"(ailab-chart-[0-9a-f]{32})\"").Groups[1].Value).ToArray();
        Assert.All(ids, id => Assert.NotEmpty(id));
        Assert.NotEqual(ids[0], ids[1]);
        // CDN by default, pinned to the installed version; no library inlined.
        Assert.Contains(PlotlyJsLibrary.CdnUrl, first["text/html"]);
        Assert.Contains("plotly.js-dist-min@" + PlotlyJsLibrary.Version, PlotlyJsLibrary.CdnUrl);
        Assert.DoesNotContain("plotly.js v", first["text/html"]);
        Assert.Contains("style=\"width:640px;height:560px;\"", first["text/html"]);
    }

    [Fact]
    public void DisplayBundle_Offline_InlinesOncePerUseOffline()
    {
        try
        {
            ChartDisplay.UseOffline();
            Assert.Contains("plotly.js v", SampleFigures.All()["bar"].ToDisplayBundle()["text/html"]);
            Assert.DoesNotContain("plotly.js v", SampleFigures.All()["bar"].ToDisplayBundle()["text/html"]);
            ChartDisplay.UseOffline();
            Assert.Contains("plotly.js v", SampleFigures.All()["bar"].ToDisplayBundle()["text/html"]);
        }
        finally
        {
            ChartDisplay.PlotlyJs = PlotlyJsSource.Cdn;
        }
    }

    [Theory]
    [InlineData(null, "cdn", PlotlyJsLibrary.CdnUrl)]
    [InlineData("", "cdn", PlotlyJsLibrary.CdnUrl)]
    [InlineData("inline", "inline", null)]
    [InlineData("offline", "inline", null)]
    [InlineData("../plotly.min.js", "url", "../plotly.min.js")]
    public void PlotlyJsSource_FromEnvironment_ParsesTheSetting(string? value, string kind, string? url)
    {
        var source = PlotlyJsSource.FromEnvironment(value);
        Assert.Equal(kind, source.Kind);
        Assert.Equal(url, source.Url);
    }

    [Fact]
    public void PinnedVersion_MatchesPackageLock()
    {
        var folder = new DirectoryInfo(ChartTestFiles.Directory());
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "package-lock.json"))) folder = folder.Parent;
        Assert.NotNull(folder);
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.FullName, "package-lock.json")))!;
        Assert.Equal(PlotlyJsLibrary.Version, (string)lockFile["packages"]!["node_modules/plotly.js-dist-min"]!["version"]!);
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.FullName, "package.json")))!;
        Assert.Equal(PlotlyJsLibrary.Version, (string)package["dependencies"]!["plotly.js-dist-min"]!);
        Assert.StartsWith($"/**\n* plotly.js v{PlotlyJsLibrary.Version}\n", File.ReadAllText(PlotlyJsLibrary.Path));
    }
}

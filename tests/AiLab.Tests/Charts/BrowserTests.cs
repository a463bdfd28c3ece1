using System.Text.Json.Nodes;
using AiLab.Charts;
using AiLab.Charts.Browser;

namespace AiLab.Tests.Charts;

/// <summary>
/// Exported charts in a real headless Chromium that cannot reach the network: the page loads without
/// script errors or remote requests, plotly draws every trace, and the PNG export holds a picture.
/// One browser serves the whole class (<see cref="BrowserFixture"/>).
/// </summary>
[Collection(ChartDisplayCollection.Name)]
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> ChartNames => new(SampleFigures.All().Keys);

    public static TheoryData<string> TraceNames => new(GoldenJsonTests.Traces().Keys);

    private static void AssertOffline(BrowserPage page)
    {
        Assert.Empty(page.Errors);
        var remote = page.RequestedUrls.Where(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        Assert.Empty(remote);
    }

    private async Task AssertDrawnAsync(string htmlFile, Figure figure)
    {
        await using var page = await fixture.OpenChartAsync(htmlFile);
        AssertOffline(page);
        Assert.Equal(figure.Traces.Count, (int)(await BrowserFixture.FullDataCountAsync(page))!);
        Assert.Equal(figure.Traces.Count, await BrowserFixture.DrawnTracesAsync(page));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public async Task ReadyMadeChart_SharedLibraryPage_DrawsOfflineAndExportsPng(string name)
    {
        var figure = SampleFigures.All()[name];
        var html = Path.Combine(fixture.Folder, "charts", name + ".html");
        figure.SaveHtml(html, "plotly.min.js");
        await AssertDrawnAsync(html, figure);

        var png = figure.ToPng(width: 500, height: 400);
        var (width, height, ink, colors) = await fixture.MeasurePngAsync(png);
        Assert.Equal((500, 400), (width, height));
        Assert.True(ink > 0.01, $"{name}: only {ink:P2} of the PNG is not white");
        Assert.True(colors > 3, $"{name}: the PNG has only {colors} colours");
    }

    [Theory]
    [MemberData(nameof(TraceNames))]
    public async Task EveryTraceType_Draws(string name)
    {
        var figure = new Figure(GoldenJsonTests.Traces()[name]).WithTitle(name);
        var html = Path.Combine(fixture.Folder, "traces", name + ".html");
        figure.SaveHtml(html, "../plotly.min.js");
        await AssertDrawnAsync(html, figure);
    }

    [Fact]
    public async Task SelfContainedPage_DrawsOfflineWithNothingBesideIt()
    {
        var figure = SampleFigures.All()["roc"];
        var folder = Path.Combine(fixture.Folder, "alone");
        var html = Path.Combine(folder, "roc.html");
        figure.SaveHtml(html);
        Assert.Equal([html], Directory.GetFiles(folder));
        await AssertDrawnAsync(html, figure);
    }

    [Fact]
    public async Task SavePng_UsesFigureSizeAndScale()
    {
        var path = Path.Combine(fixture.Folder, "sized.png");
        SampleFigures.All()["roc"].SavePng(path, scale: 2);
        var (width, height, _, _) = await fixture.MeasurePngAsync(File.ReadAllBytes(path));
        Assert.Equal((640 * 2, 560 * 2), (width, height)); // The ROC chart fixes 640 × 560.
    }

    [Fact]
    public async Task Save_InRunnerEnvironment_WritesHtmlAndPngThatLoadTheSharedLibrary()
    {
        var output = Path.Combine(fixture.Folder, "run");
        var saved = WithEnvironment(
            new() { ["AILAB_OUT"] = output, ["AILAB_NOTEBOOK"] = "01-evaluation-metrics", ["AILAB_PNG"] = "1" },
            () => SampleFigures.All()["roc"].Save("roc"));
        var html = Path.Combine(output, "charts", "01-evaluation-metrics", "roc.html");
        Assert.Equal([html, Path.ChangeExtension(html, ".png")], saved);
        Assert.True(File.Exists(Path.Combine(output, "plotly.min.js")));
        Assert.Contains("<script src=\"../../plotly.min.js\"></script>", File.ReadAllText(html));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories));
        await AssertDrawnAsync(html, SampleFigures.All()["roc"]);
        var (_, _, ink, _) = await fixture.MeasurePngAsync(File.ReadAllBytes(saved[1]));
        Assert.True(ink > 0.01);
    }

    [Fact]
    public async Task DisplayBundle_OfflineMode_FirstOutputCarriesLibraryAndLaterOutputsReuseIt()
    {
        ChartDisplay.UseOffline();
        try
        {
            var first = SampleFigures.All()["roc"].ToDisplayBundle()["text/html"];
            var second = SampleFigures.All()["bar"].ToDisplayBundle()["text/html"];
            Assert.Contains("plotly.js v" + PlotlyJsLibrary.Version, first);
            Assert.DoesNotContain("plotly.js v", second);
            var page = Path.Combine(fixture.Folder, "notebook-offline.html");
            File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{first}\n{second}</body></html>");
            await using var tab = await fixture.Browser.OpenPageAsync();
            await tab.NavigateAsync(new Uri(page).AbsoluteUri);
            await BrowserFixture.WaitForAsync(tab, "document.querySelectorAll('.ailab-chart .main-svg').length >= 2");
            AssertOffline(tab);
            Assert.Equal(5, await BrowserFixture.DrawnTracesAsync(tab, ".ailab-chart")); // 3 ROC traces + 2 bar traces
        }
        finally
        {
            ChartDisplay.PlotlyJs = PlotlyJsSource.Cdn;
        }
    }

    [Fact]
    public async Task DisplayBundle_CdnUnreachable_ShowsMessageInsteadOfFailingSilently()
    {
        var html = SampleFigures.All()["bar"].ToDisplayBundle()["text/html"];
        var page = Path.Combine(fixture.Folder, "notebook-cdn.html");
        File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{html}</body></html>");
        await using var tab = await fixture.Browser.OpenPageAsync();
        await tab.NavigateAsync(new Uri(page).AbsoluteUri);
        await BrowserFixture.WaitForAsync(tab, "document.querySelector('.ailab-chart').textContent.includes('Could not load plotly.js')");
        Assert.Contains(tab.RequestedUrls, url => url == PlotlyJsLibrary.CdnUrl);
    }

    [Fact]
    public async Task DisplayBundle_PageWithRequireJs_LoadsThroughItsOwnContext()
    {
        var library = new Uri(PlotlyJsLibrary.Path).AbsoluteUri;
        ChartDisplay.PlotlyJs = PlotlyJsSource.FromUrl(library);
        try
        {
            var html = SampleFigures.All()["bar"].ToDisplayBundle()["text/html"];
            // A minimal stand-in for require.js: records the context asked for and loads the module's path.
            const string requireJs = """
                <script>
                window.requirejs = function () { throw new Error('the global context must not be used'); };
                window.requirejs.config = function (config) {
                  window.requestedContext = config.context;
                  return function (modules, loaded, failed) {
                    var script = document.createElement('script');
                    script.src = config.paths[modules[0]] + '.js';
                    script.onload = function () { loaded(window.Plotly); };
                    script.onerror = failed;
                    document.head.appendChild(script);
                  };
                };
                </script>
                """;
            var page = Path.Combine(fixture.Folder, "notebook-require.html");
            File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{requireJs}</head><body>{html}</body></html>");
            await using var tab = await fixture.OpenChartAsync(page, ".ailab-chart");
            AssertOffline(tab);
            Assert.Equal("ailab-plotly", (string?)await tab.EvaluateAsync("window.requestedContext"));
            Assert.Equal(2, await BrowserFixture.DrawnTracesAsync(tab, ".ailab-chart"));
        }
        finally
        {
            ChartDisplay.PlotlyJs = PlotlyJsSource.Cdn;
        }
    }

    [Fact]
    public async Task Dispose_EndsTheBrowserAndDeletesItsProfile()
    {
        var browser = await HeadlessChromium.LaunchAsync();
        await using (var page = await browser.OpenPageAsync()) await page.NavigateAsync("about:blank");
        var profile = browser.ProfileDirectory;
        Assert.True(Directory.Exists(profile));
        browser.Dispose();
        Assert.False(Directory.Exists(profile), $"{profile} is left behind");
    }

    [Fact]
    public async Task Launch_MissingExecutable_ThrowsClearError()
    {
        var missing = Path.Combine(fixture.Folder, "no-such-chromium");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HeadlessChromium.LaunchAsync(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("did not start", error.Message);
    }

    private static T WithEnvironment<T>(Dictionary<string, string> variables, Func<T> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
        try
        {
            return action();
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
        }
    }
}

/// <summary>Tests that change <see cref="ChartDisplay"/> or AILAB_* variables (process-wide) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ChartDisplayCollection
{
    public const string Name = "Chart display and environment";
}

using System.Diagnostics;
using AiLab.Charts;

namespace AiLab.Tests.Charts;

/// <summary>Saved pages render offline: no remote script, one shared plotly.js per output folder, atomic writes, the runner's environment contract.</summary>
public sealed class ChartSavingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ailab-charts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly Plotly.NET.GenericChart Sample = LabChart.Roc([0, 1, 0, 1], [0.1, 0.9, 0.4, 0.6], "m");

    [Fact]
    public void Save_RunnerEnvironment_WritesNotebookFolderAndOneSharedPlotlyJs()
    {
        var saved = WithEnvironment(new() { ["AILAB_OUT"] = folder, ["AILAB_NOTEBOOK"] = "01-evaluation-metrics", ["AILAB_PNG"] = null }, () =>
            (Sample.Save("roc"), Sample.Save("roc-again")));
        Assert.Equal([Path.Combine(folder, "charts", "01-evaluation-metrics", "roc.html")], saved.Item1);
        var shared = Path.Combine(folder, PlotlyJs.FileName);
        Assert.Equal(PlotlyJs.Source.Length, File.ReadAllText(shared).Length);
        Assert.Single(Directory.GetFiles(folder, "*.js", SearchOption.AllDirectories));
        var page = File.ReadAllText(saved.Item1[0]);
        Assert.Contains("<script src=\"../../plotly.min.js\"></script>", page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
        Assert.Contains("Plotly.newPlot", page);
        Assert.Contains("m (AUC = ", page);
        // A small page: the chart's JSON, not the 3.6 MB bundle.
        Assert.InRange(new FileInfo(saved.Item1[0]).Length, 1_000, 50_000);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void SaveHtml_WithoutSharedCopy_InlinesPlotlyJsAndStillNoRemoteScript()
    {
        var path = Sample.SaveHtml(Path.Combine(folder, "alone.html"), sharedPlotlyJs: null);
        var page = File.ReadAllText(path);
        Assert.True(page.Length > PlotlyJs.Source.Length);
        Assert.DoesNotContain("<script src=", page);
        Assert.Contains("plotly.js v" + PlotlyJs.Version, page);
    }

    [Fact]
    public void PlotlyJs_IsPlotlyNetsEmbeddedBundleOfTheVersionItsJsonTargets()
    {
        Assert.StartsWith("/**\n* plotly.js v2.28.0", PlotlyJs.Source);
        Assert.InRange(PlotlyJs.Source.Length, 3_000_000, 4_000_000);
        var path = PlotlyJs.Write(Path.Combine(folder, "shared", "plotly.min.js"));
        var written = File.GetLastWriteTimeUtc(path);
        Thread.Sleep(20);
        PlotlyJs.Write(path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void ScriptSafe_EscapesClosingScriptTagsInData()
    {
        var chart = LabChart.Bar(["</script><b>"], [1.0]);
        var json = ChartHtml.FigureJson(chart);
        Assert.DoesNotContain("</script", json);
        Assert.Equal("</script><b>", (string?)ChartJson.Traces(chart)[0]!["x"]![0]);
    }

    [Fact]
    public void Save_BadName_ThrowsBeforeWritingAnything()
    {
        var error = WithEnvironment(new() { ["AILAB_OUT"] = folder, ["AILAB_NOTEBOOK"] = "nb", ["AILAB_PNG"] = null },
            () => Assert.Throws<ArgumentException>(() => Sample.Save("../escape")));
        Assert.Contains("no folder separators", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Png_HeadlessChromium_RealPngsFromOneBrowser()
    {
        var first = Stopwatch.StartNew();
        var png = Sample.ToPng(width: 400, height: 300);
        first.Stop();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(300, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.InRange(png.Length, 5_000, 2_000_000);
        var next = Stopwatch.StartNew();
        const int count = 5;
        for (var i = 0; i < count; i++) Sample.SavePng(Path.Combine(folder, $"roc{i}.png"), scale: 2);
        next.Stop();
        var perImage = next.Elapsed.TotalSeconds / count;
        Console.WriteLine($"PNG: first {first.Elapsed.TotalSeconds:F2} s (starts Chromium), then {perImage:F3} s per image");
        Assert.Equal(1280, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(Path.Combine(folder, "roc0.png")).AsSpan(16)));
        // One browser serves every image (Plotly.NET.ImageExport starts one per image: 4.3-5.3 s each, measured here).
        Assert.Equal(1, PngRenderer.Launches);
    }

    [Fact]
    public void Save_PngSwitch_WritesBothFiles()
    {
        var saved = WithEnvironment(new() { ["AILAB_OUT"] = folder, ["AILAB_NOTEBOOK"] = "nb", ["AILAB_PNG"] = "1" }, () => Sample.Save("roc"));
        Assert.Equal([Path.Combine(folder, "charts", "nb", "roc.html"), Path.Combine(folder, "charts", "nb", "roc.png")], saved);
        Assert.Equal(0x89, File.ReadAllBytes(saved[1])[0]);
    }

    /// <summary>Runs with environment variables set (tests run sequentially), restoring them after.</summary>
    private static T WithEnvironment<T>(Dictionary<string, string?> variables, Func<T> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
            return action();
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}

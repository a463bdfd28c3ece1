using Plotly.NET;

namespace AiLab.Charts;

public static partial class LabChart
{
    /// <summary>
    /// Saves the chart under a name, for notebooks: <c>chart.Save("roc")</c> writes
    /// <c>$AILAB_OUT/charts/$AILAB_NOTEBOOK/roc.html</c>, which loads the run's one shared
    /// <c>$AILAB_OUT/plotly.min.js</c> by relative path (offline; written once), and <c>roc.png</c> too when
    /// <c>AILAB_PNG=1</c>. Outside the runner it writes under <c>&lt;repository&gt;/artifacts/charts/interactive/</c>.
    /// Files are replaced atomically. Returns the paths written.
    /// </summary>
    /// <param name="chart">Any Plotly.NET chart.</param>
    /// <param name="name">A plain file name without extension: letters, digits, '-', '_' and '.'.</param>
    public static IReadOnlyList<string> Save(this GenericChart chart, string name)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var paths = ChartOutput.Resolve(name);
        chart.SaveHtml(paths.Html, paths.SharedPlotlyJs);
        if (paths.Png is null) return [paths.Html];
        chart.SavePng(paths.Png);
        return [paths.Html, paths.Png];
    }

    /// <summary>
    /// Writes a page at <paramref name="path"/> that draws the chart offline: with <paramref name="sharedPlotlyJs"/>
    /// (a path, absolute or relative to the page's folder) the page loads that copy of plotly.js by relative address,
    /// writing it first if missing; without, plotly.js is inlined (about 3.6 MB, works wherever the file is copied).
    /// </summary>
    public static string SaveHtml(this GenericChart chart, string path, string? sharedPlotlyJs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var page = Path.GetFullPath(path);
        if (sharedPlotlyJs is null)
        {
            AtomicFile.WriteAllText(page, ChartHtml.Page(chart, plotlyScriptUrl: null));
            return page;
        }
        var pageFolder = Path.GetDirectoryName(page)!;
        var library = PlotlyJs.Write(Path.Combine(pageFolder, sharedPlotlyJs));
        var relative = Path.GetRelativePath(pageFolder, library).Replace(Path.DirectorySeparatorChar, '/');
        AtomicFile.WriteAllText(page, ChartHtml.Page(chart, relative));
        return page;
    }

    /// <summary>
    /// Writes the chart as a PNG drawn by plotly.js in headless Chromium (one browser for the whole process). Size in
    /// CSS pixels: the arguments, else the chart's own width/height, else 900 × 500; <paramref name="scale"/> 2
    /// doubles the resolution.
    /// </summary>
    public static string SavePng(this GenericChart chart, string path, int? width = null, int? height = null, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        AtomicFile.WriteAllBytes(full, ToPng(chart, width, height, scale));
        return full;
    }

    /// <summary>The chart as PNG bytes (see <see cref="SavePng"/>).</summary>
    public static byte[] ToPng(this GenericChart chart, int? width = null, int? height = null, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        int? Size(string key) => layout.TryGetPropertyValue(key) is { } v ? v.Value switch { int i => i, double d => (int)Math.Round(d), _ => null } : null;
        var (w, h) = (width ?? Size("width") ?? 900, height ?? Size("height") ?? 500);
        if (w < 10 || h < 10) throw new ArgumentOutOfRangeException(width is null ? nameof(height) : nameof(width), $"A PNG needs at least 10 × 10 pixels; got {w} × {h}.");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        return PngRenderer.Render(ChartHtml.FigureJson(chart), w, h, scale);
    }
}

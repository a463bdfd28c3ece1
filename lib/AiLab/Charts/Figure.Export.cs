using AiLab.Charts.Browser;

namespace AiLab.Charts;

public sealed partial class Figure
{
    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToJson(bool indented = false) =>
        ToJsonObject().ToJsonString(indented ? PlotlyJson.IndentedOptions : PlotlyJson.WriteOptions);

    /// <summary>
    /// Writes a self-contained page (plotly.js inlined, about 5 MB) that works offline and anywhere it is copied.
    /// </summary>
    public void SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ChartHtml.Page(this, plotlyScriptUrl: null));
    }

    /// <summary>
    /// Writes a small page that loads one shared copy of plotly.js at <paramref name="sharedPlotlyJs"/> (absolute,
    /// or relative to the page's folder) by relative path, copying the library there first if it is missing —
    /// for the many charts of one run. The page works offline as long as the two stay side by side.
    /// </summary>
    public void SaveHtml(string path, string sharedPlotlyJs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(sharedPlotlyJs);
        var page = Path.GetFullPath(path);
        var pageFolder = Path.GetDirectoryName(page)!;
        var library = Path.GetFullPath(Path.Combine(pageFolder, sharedPlotlyJs));
        PlotlyJsLibrary.EnsureCopy(library);
        var relative = Path.GetRelativePath(pageFolder, library).Replace(Path.DirectorySeparatorChar, '/');
        AtomicFile.WriteAllText(page, ChartHtml.Page(this, relative));
    }

    /// <summary>
    /// The figure as PNG bytes, drawn by plotly.js in headless Chromium. Size in CSS pixels: the arguments, else the
    /// figure's own width/height, else 900 × 500; <paramref name="scale"/> 2 doubles the resolution.
    /// Throws with instructions when no Chromium is installed.
    /// </summary>
    public byte[] ToPng(int? width = null, int? height = null, double scale = 1)
    {
        var (w, h) = PngSize(width, height);
        return PngRenderer.Render(ToJson(), w, h, scale);
    }

    /// <summary>Writes the figure as a PNG file (see <see cref="ToPng"/>).</summary>
    public void SavePng(string path, int? width = null, int? height = null, double scale = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng(width, height, scale));
    }

    /// <summary>
    /// Saves the chart under a name, for notebooks: <c>fig.Save("roc")</c> writes
    /// <c>$AILAB_OUT/charts/$AILAB_NOTEBOOK/roc.html</c> (loading the run's shared <c>$AILAB_OUT/plotly.min.js</c>)
    /// and <c>roc.png</c> when <c>AILAB_PNG=1</c>. Outside the runner it writes to
    /// <c>&lt;repository&gt;/artifacts/charts/interactive/</c>. Returns the paths written.
    /// </summary>
    public IReadOnlyList<string> Save(string name)
    {
        var paths = ChartOutput.Resolve(name);
        SaveHtml(paths.Html, paths.SharedPlotlyJs);
        if (paths.Png is null) return [paths.Html];
        SavePng(paths.Png);
        return [paths.Html, paths.Png];
    }

    private (int Width, int Height) PngSize(int? width, int? height)
    {
        var w = width ?? (int?)PlotlyJson.AsDouble(layout["width"]) ?? Theme.DefaultWidth;
        var h = height ?? (int?)PlotlyJson.AsDouble(layout["height"]) ?? Theme.DefaultHeight;
        if (w < 10 || h < 10) throw new ArgumentOutOfRangeException(width is null ? nameof(height) : nameof(width), $"A PNG needs at least 10 × 10 pixels; got {w} × {h}.");
        return (w, h);
    }
}

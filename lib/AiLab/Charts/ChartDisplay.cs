namespace AiLab.Charts;

/// <summary>
/// How figures display in notebooks (VS Code Polyglot Notebooks and the headless runner): the HTML output
/// draws the figure with plotly.js, loaded from <see cref="PlotlyJs"/> unless the page already has it.
/// <code>
/// ChartDisplay.UseOffline();   // in a notebook's first cell, to work without network
/// </code>
/// </summary>
public static class ChartDisplay
{
    private static PlotlyJsSource source = PlotlyJsSource.FromEnvironment(Environment.GetEnvironmentVariable("AILAB_PLOTLYJS"));
    private static int inlined;

    /// <summary>
    /// Where plotly.js comes from: <see cref="PlotlyJsSource.Cdn"/> by default, or what the environment variable
    /// <c>AILAB_PLOTLYJS</c> says (<c>cdn</c>, <c>inline</c>, or a URL).
    /// </summary>
    public static PlotlyJsSource PlotlyJs
    {
        get => Volatile.Read(ref source);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref source, value);
            Interlocked.Exchange(ref inlined, 0);
        }
    }

    /// <summary>
    /// Switches to offline display: the next chart output carries plotly.js itself, later ones reuse it.
    /// Call it again if the notebook's outputs were cleared.
    /// </summary>
    public static void UseOffline() => PlotlyJs = PlotlyJsSource.Inline;

    /// <summary>True exactly once per <see cref="UseOffline"/>: whether this output must carry the inlined library.</summary>
    internal static bool ClaimInlineLibrary() => Interlocked.Exchange(ref inlined, 1) == 0;
}

namespace AiLab.Charts;

/// <summary>
/// How charts display in notebook outputs (VS Code Polyglot Notebooks, Jupyter, the headless runner): each output
/// is a <c>&lt;div&gt;</c> and a <c>&lt;script&gt;</c> drawing with <c>window.Plotly</c>. Offline by default: the
/// first chart output of a kernel session carries Plotly.NET's plotly.js inline (3.6 MB, once) and defines
/// <c>window.Plotly</c>; later outputs reuse it (VS Code shows all outputs of a notebook in one webview).
/// When the environment variable <c>AILAB_PLOTLYJS=page</c> is set (the runner, whose pages load one shared
/// plotly.js), no output carries the bundle.
/// </summary>
public static class ChartDisplay
{
    /// <summary>Environment variable: <c>page</c> when the page that shows the outputs loads plotly.js itself.</summary>
    public const string PlotlyJsVariable = "AILAB_PLOTLYJS";

    private static int carried;

    /// <summary>
    /// The HTML output for <paramref name="chart"/> (what the kernel's <c>text/html</c> formatter writes). Carries
    /// plotly.js when this is the session's first chart output (see <see cref="ResendPlotlyJs"/>).
    /// </summary>
    public static string ToHtml(Plotly.NET.GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var pageHasLibrary = string.Equals(Environment.GetEnvironmentVariable(PlotlyJsVariable)?.Trim(), "page", StringComparison.OrdinalIgnoreCase);
        var carry = !pageHasLibrary && Interlocked.Exchange(ref carried, 1) == 0;
        return ChartHtml.Fragment(chart, carry);
    }

    /// <summary>Makes the next chart output carry plotly.js again: after clearing all outputs, or in a fresh view of a running session.</summary>
    public static void ResendPlotlyJs() => Interlocked.Exchange(ref carried, 0);
}

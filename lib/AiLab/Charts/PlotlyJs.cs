using System.Text.RegularExpressions;
using Plotly.NET;

namespace AiLab.Charts;

/// <summary>
/// The plotly.js bundle Plotly.NET embeds (the version its JSON targets), for pages that must work offline: the
/// runner's static pages load one copy of it, saved charts share one per output root (<c>$AILAB_OUT/plotly.min.js</c>),
/// and the first chart a kernel session displays carries it inline.
/// <code>
/// AiLab.Charts.PlotlyJs.Write("artifacts/html/plotly.min.js");   // the runner: one shared copy
/// </code>
/// </summary>
public static partial class PlotlyJs
{
    /// <summary>The plotly.js version Plotly.NET embeds and writes JSON for (2.28.0 in Plotly.NET 6.0.0).</summary>
    public const string Version = Globals.PLOTLYJS_VERSION; // Plotly.NET's Globals module sits in the global namespace

    /// <summary>The file name shared copies use.</summary>
    public const string FileName = "plotly.min.js";

    private const string ResourceName = "Plotly.NET.plotly-" + Version + ".min.js";

    private static readonly Lazy<string> CachedSource = new(ReadResource);
    private static readonly Lazy<string> CachedScriptSafe = new(() => ScriptSafe(CachedSource.Value));

    /// <summary>The minified bundle's text (about 3.6 MB).</summary>
    public static string Source => CachedSource.Value;

    /// <summary>The bundle made safe to inline in an HTML &lt;script&gt; element.</summary>
    internal static string InlineSource => CachedScriptSafe.Value;

    /// <summary>
    /// Makes <paramref name="path"/> a copy of the bundle unless it already is one (same length), atomically, so
    /// notebooks running in parallel can all ask for the same shared copy. Returns the full path.
    /// </summary>
    public static string Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var target = new FileInfo(full);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(Source);
        if (target.Exists && target.Length == bytes) return full;
        AtomicFile.WriteAllText(full, Source);
        return full;
    }

    /// <summary>
    /// Text that may sit inside &lt;script&gt;…&lt;/script&gt;: a literal <c>&lt;/script</c> would end the element
    /// early. It can only occur inside JavaScript strings, regular expressions or comments (or JSON strings), where
    /// <c>&lt;\/script</c> means the same characters.
    /// </summary>
    internal static string ScriptSafe(string javaScript) => ScriptEnd().Replace(javaScript, "<\\/$1");

    private static string ReadResource()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Plotly.NET {typeof(GenericChart).Assembly.GetName().Version} does not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("</(script)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptEnd();
}

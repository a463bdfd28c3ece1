using System.Text.RegularExpressions;

namespace AiLab.Charts;

/// <summary>
/// The plotly.js bundle installed by <c>npm ci</c> from the committed lockfile
/// (<c>node_modules/plotly.js-dist-min/plotly.min.js</c>), and the matching CDN address for notebooks online.
/// </summary>
internal static class PlotlyJsLibrary
{
    /// <summary>The pinned version; a test checks it against package-lock.json.</summary>
    public const string Version = "4.1.2";

    /// <summary>jsDelivr serves npm packages unchanged, so this is byte-for-byte the pinned bundle.</summary>
    public const string CdnUrl = "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@" + Version + "/plotly.min.js";

    private const string RelativePath = "node_modules/plotly.js-dist-min/plotly.min.js";

    private static readonly Lazy<string> CachedPath = new(Locate);
    private static readonly Lazy<string> CachedInlineSource = new(() => ScriptSafe(File.ReadAllText(CachedPath.Value)));

    /// <summary>Full path of plotly.min.js.</summary>
    public static string Path => CachedPath.Value;

    /// <summary>The bundle's source text, made safe to inline in an HTML &lt;script&gt; element.</summary>
    public static string InlineSource => CachedInlineSource.Value;

    /// <summary>
    /// Makes <paramref name="path"/> a copy of plotly.min.js unless it already is one (same size), atomically,
    /// so notebooks running in parallel can all ask for the same shared copy.
    /// </summary>
    public static void EnsureCopy(string path)
    {
        var source = new FileInfo(Path);
        var target = new FileInfo(path);
        if (target.Exists && target.Length == source.Length) return;
        AtomicFile.Copy(source.FullName, target.FullName);
    }

    /// <summary>
    /// Text that may sit inside &lt;script&gt;…&lt;/script&gt;: a literal <c>&lt;/script</c> would end the element early.
    /// It can only occur inside JavaScript strings, regular expressions or comments, where <c>&lt;\/script</c>
    /// means the same characters.
    /// </summary>
    public static string ScriptSafe(string javaScript) =>
        Regex.Replace(javaScript, "</(script)", "<\\/$1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Locate()
    {
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts)
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException(
            $"plotly.js is not installed: no {RelativePath} in {string.Join(" or ", starts.Distinct())} or any folder above. " +
            "Run make setup (npm ci) in the repository root.");
    }
}

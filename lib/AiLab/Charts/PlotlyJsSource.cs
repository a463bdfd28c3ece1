namespace AiLab.Charts;

/// <summary>Where notebook output loads plotly.js from (see <see cref="ChartDisplay"/>).</summary>
public sealed class PlotlyJsSource
{
    private PlotlyJsSource(string kind, string? url) => (Kind, Url) = (kind, url);

    /// <summary>The pinned version from the jsDelivr CDN (needs the network; the default).</summary>
    public static PlotlyJsSource Cdn { get; } = new("cdn", PlotlyJsLibrary.CdnUrl);

    /// <summary>The bundle from node_modules, inlined into the first chart output of the session (about 5 MB, once); works offline.</summary>
    public static PlotlyJsSource Inline { get; } = new("inline", null);

    /// <summary>A script at <paramref name="url"/> (absolute, or relative to the page that shows the output).</summary>
    public static PlotlyJsSource FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new PlotlyJsSource("url", url);
    }

    /// <summary><c>"cdn"</c>, <c>"inline"</c> or <c>"url"</c>.</summary>
    public string Kind { get; }

    /// <summary>The script address, or null for <see cref="Inline"/>.</summary>
    public string? Url { get; }

    /// <summary>Reads <c>AILAB_PLOTLYJS</c>: <c>cdn</c>, <c>inline</c>, or any other value as a URL; unset means <see cref="Cdn"/>.</summary>
    internal static PlotlyJsSource FromEnvironment(string? value) => value?.Trim() switch
    {
        null or "" or "cdn" => Cdn,
        "inline" or "offline" => Inline,
        var url => FromUrl(url),
    };

    /// <summary>Kind and address, for logs.</summary>
    public override string ToString() => Url is null ? Kind : $"{Kind} {Url}";
}

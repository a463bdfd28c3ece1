using System.Text.RegularExpressions;

namespace AiLab.Notebooks.Output;

/// <summary>
/// Makes chart outputs render offline from the page's one shared plotly.js. Plotly.NET's notebook output loads
/// plotly.js through require.js from a CDN (<c>requirejs.config({…paths:{plotly:'https://cdn.plot.ly/…'}}) || require</c>,
/// fetching require.js itself when the page lacks it); other outputs use a plain <c>&lt;script src&gt;</c> tag.
/// The page defines a tiny <c>requirejs</c> that hands out the already-loaded <c>window.Plotly</c>, and CDN
/// plotly.js tags are dropped, so no output fetches or inlines its own copy.
/// </summary>
internal static partial class PlotlyOffline
{
    /// <summary>Script for the page head (after plotly.js): a require.js stand-in that resolves 'plotly' to <c>window.Plotly</c>.</summary>
    public const string RequireShim =
        "(function(){if(typeof window.requirejs==='function'){return;}" +
        "var r=function(deps,done){if(done){done.apply(null,(deps||[]).map(function(d){return d==='plotly'?window.Plotly:undefined;}));}};" +
        "r.config=function(){return r;};window.requirejs=r;window.require=window.require||r;})();";

    /// <summary><paramref name="html"/> without script tags that load plotly.js from elsewhere.</summary>
    public static string Rewrite(string html) => PlotlyScriptTag().Replace(html, "");

    [GeneratedRegex(@"<script[^>]*\ssrc\s*=\s*[""'][^""']*plotly[^""']*\.js[""'][^>]*>\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex PlotlyScriptTag();
}

namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// A <c>scatter</c> trace: lines, markers or both, optionally filled (bands) and with error bars.
    /// </summary>
    /// <param name="x">Horizontal positions (numbers, categories or dates).</param>
    /// <param name="y">Vertical positions, as many as <paramref name="x"/>.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="mode">Lines, markers, text or a combination; plotly.js picks when null.</param>
    /// <param name="color">Line and marker colour (<c>#rrggbb</c>, <c>rgba(…)</c> or a CSS name).</param>
    /// <param name="width">Line width in pixels.</param>
    /// <param name="dash">Line dash pattern.</param>
    /// <param name="markerSize">Marker diameter in pixels.</param>
    /// <param name="markerSymbol">plotly.js marker symbol (<c>"circle"</c>, <c>"square"</c>, <c>"x"</c>, <c>"diamond"</c>, …).</param>
    /// <param name="markerColor">One colour or number per point; numbers are mapped through <paramref name="colorscale"/>.</param>
    /// <param name="colorscale">Colour scale for numeric <paramref name="markerColor"/>.</param>
    /// <param name="colorbarTitle">When set with numeric <paramref name="markerColor"/>, shows a colour bar with this title.</param>
    /// <param name="fill">Area to fill (bands: <see cref="Fill.ToNextY"/> on the upper edge).</param>
    /// <param name="fillColor">Fill colour; give it transparency (<see cref="Theme.WithAlpha"/>).</param>
    /// <param name="errorY">Error bar length per point (symmetric unless <paramref name="errorYMinus"/> is given).</param>
    /// <param name="errorYMinus">Downward error bar length per point.</param>
    /// <param name="text">Text per point (shown on hover, or beside points with <see cref="ScatterMode.Text"/>).</param>
    /// <param name="hoverTemplate">plotly.js hover template, e.g. <c>"%{x}: %{y:.3f}&lt;extra&gt;&lt;/extra&gt;"</c>.</param>
    /// <param name="showLegend">Whether the trace appears in the legend.</param>
    /// <param name="legendGroup">Traces in one group toggle together.</param>
    /// <param name="opacity">0 (invisible) to 1.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Scatter(
        Values x, Values y, string? name = null, ScatterMode? mode = null,
        string? color = null, double? width = null, Dash? dash = null,
        double? markerSize = null, string? markerSymbol = null, Values? markerColor = null,
        Colorscale? colorscale = null, string? colorbarTitle = null,
        Fill? fill = null, string? fillColor = null,
        Values? errorY = null, Values? errorYMinus = null,
        Values? text = null, string? hoverTemplate = null,
        bool? showLegend = null, string? legendGroup = null, double? opacity = null,
        string? xAxis = null, string? yAxis = null)
    {
        RequireSameLength(x, nameof(x), y, nameof(y));
        RequireSameLength(y, nameof(y), markerColor, nameof(markerColor));
        RequireSameLength(y, nameof(y), errorY, nameof(errorY));
        RequireSameLength(y, nameof(y), errorYMinus, nameof(errorYMinus));
        RequireSameLength(y, nameof(y), text, nameof(text));
        if (errorYMinus is not null && errorY is null)
            throw new ArgumentException("errorYMinus needs errorY (the upward lengths) too.", nameof(errorYMinus));
        return Build("scatter",
            ("name", name), ("mode", mode), ("x", x), ("y", y),
            ("line.color", color), ("line.width", width), ("line.dash", dash),
            ("marker.color", (object?)markerColor ?? color), ("marker.size", markerSize), ("marker.symbol", markerSymbol),
            ("marker.colorscale", colorscale),
            ("marker.showscale", colorbarTitle is null ? null : true), ("marker.colorbar.title.text", colorbarTitle),
            ("fill", fill), ("fillcolor", fillColor),
            ("error_y.type", errorY is null ? null : "data"), ("error_y.array", errorY),
            ("error_y.symmetric", errorY is null ? null : errorYMinus is null), ("error_y.arrayminus", errorYMinus),
            ("text", text), ("hovertemplate", hoverTemplate),
            ("showlegend", showLegend), ("legendgroup", legendGroup), ("opacity", opacity),
            ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

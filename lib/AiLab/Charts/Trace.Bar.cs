namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// A <c>bar</c> trace. Vertical bars take categories in <paramref name="x"/> and lengths in <paramref name="y"/>;
    /// horizontal bars (<see cref="Orientation.Horizontal"/>) take lengths in <paramref name="x"/> and categories in
    /// <paramref name="y"/>, as in plotly.js. Several bar traces are grouped or stacked by <c>layout.barmode</c>
    /// (<see cref="Figure.WithBarMode"/>).
    /// </summary>
    /// <param name="x">Categories (vertical) or lengths (horizontal).</param>
    /// <param name="y">Lengths (vertical) or categories (horizontal).</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="orientation">Vertical (default) or horizontal.</param>
    /// <param name="color">One colour for all bars.</param>
    /// <param name="colors">One colour per bar (overrides <paramref name="color"/>).</param>
    /// <param name="text">Text per bar, drawn on or beside it (see <paramref name="textPosition"/>).</param>
    /// <param name="textPosition"><c>"auto"</c>, <c>"inside"</c>, <c>"outside"</c> or <c>"none"</c>.</param>
    /// <param name="errorBars">Symmetric error bar length per bar, along the bar's length axis.</param>
    /// <param name="baseValues">Where each bar starts (floating bars, as in waterfalls); 0 when null.</param>
    /// <param name="hoverTemplate">plotly.js hover template.</param>
    /// <param name="opacity">0 (invisible) to 1.</param>
    /// <param name="showLegend">Whether the trace appears in the legend.</param>
    /// <param name="legendGroup">Traces in one group toggle together.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Bar(
        Values x, Values y, string? name = null, Orientation? orientation = null,
        string? color = null, Values? colors = null, Values? text = null, string? textPosition = null,
        Values? errorBars = null, Values? baseValues = null, string? hoverTemplate = null, double? opacity = null,
        bool? showLegend = null, string? legendGroup = null, string? xAxis = null, string? yAxis = null)
    {
        RequireSameLength(x, nameof(x), y, nameof(y));
        RequireSameLength(x, nameof(x), colors, nameof(colors));
        RequireSameLength(x, nameof(x), text, nameof(text));
        RequireSameLength(x, nameof(x), errorBars, nameof(errorBars));
        RequireSameLength(x, nameof(x), baseValues, nameof(baseValues));
        var errorKey = orientation == Orientation.Horizontal ? "error_x" : "error_y";
        return Build("bar",
            ("name", name), ("orientation", orientation), ("x", x), ("y", y),
            ("marker.color", (object?)colors ?? color),
            ("text", text), ("textposition", textPosition),
            ($"{errorKey}.type", errorBars is null ? null : "data"), ($"{errorKey}.array", errorBars),
            ("base", baseValues), ("hovertemplate", hoverTemplate), ("opacity", opacity),
            ("showlegend", showLegend), ("legendgroup", legendGroup), ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

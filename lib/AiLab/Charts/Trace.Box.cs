namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// A <c>box</c> trace: median, quartiles and whiskers (1.5 × IQR) of <paramref name="values"/>.
    /// Several box traces sit side by side, one per name.
    /// </summary>
    /// <param name="values">The samples.</param>
    /// <param name="name">Box label on the category axis and in the legend.</param>
    /// <param name="orientation">Vertical (values on y, default) or horizontal (values on x).</param>
    /// <param name="points">Which samples to draw beside the box; null draws none.</param>
    /// <param name="showMean">Also mark the mean (dashed line).</param>
    /// <param name="color">Box colour.</param>
    /// <param name="showLegend">Whether the trace appears in the legend.</param>
    /// <param name="legendGroup">Traces in one group toggle together.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Box(
        Values values, string? name = null, Orientation? orientation = null, BoxPoints? points = BoxPoints.Outliers,
        bool showMean = false, string? color = null, bool? showLegend = null, string? legendGroup = null,
        string? xAxis = null, string? yAxis = null)
    {
        var axis = orientation == Orientation.Horizontal ? "x" : "y";
        // boxpoints is the boolean false for "none", not a string.
        object boxPoints = points is { } p ? p : false;
        return Build("box",
            ("name", name), (axis, values), ("orientation", orientation), ("boxpoints", boxPoints),
            ("boxmean", showMean ? true : null), ("marker.color", color),
            ("showlegend", showLegend), ("legendgroup", legendGroup), ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

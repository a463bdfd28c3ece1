using Plotly.NET;
using Plotly.NET.LayoutObjects;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

/// <summary>
/// The few restyling calls C# notebooks need that Plotly.NET.CSharp 0.14 lacks (it has <c>WithXAxisStyle</c>,
/// <c>WithYAxisStyle</c>, <c>WithSize</c>, <c>WithLegend</c>, <c>WithTraceInfo</c>… but no title, and its axis
/// calls need explicit type arguments): a title with subtitle, short axis settings and labelled reference lines.
/// They merge into the chart's layout as Plotly.NET's own functions do, so both can be mixed.
/// </summary>
public static class ChartStyle
{
    /// <summary>Sets the chart's title, with an optional smaller subtitle under it.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(title);
        var text = subtitle is null ? title : $"{title}<br><sub>{subtitle}</sub>";
        return GenericChart.addLayout(Layout(("title", Title(text))), chart);
    }

    /// <summary>
    /// Sets the x axis title, range, type (e.g. <c>StyleParam.AxisType.Log</c>) and tick positions (<paramref name="ticks"/>:
    /// labels at exactly these values, e.g. the k of a sweep on a log axis); what is null stays as it was.
    /// </summary>
    public static GenericChart WithXAxis(this GenericChart chart, string? title = null, (double Min, double Max)? range = null, StyleParam.AxisType? type = null,
        double[]? ticks = null) =>
        WithAxis(chart, "xaxis", title, range, type, ticks);

    /// <summary>
    /// Sets the y axis title, range, type (e.g. <c>StyleParam.AxisType.Log</c>) and tick positions (<paramref name="ticks"/>:
    /// labels at exactly these values, e.g. the k of a sweep on a log axis); what is null stays as it was.
    /// </summary>
    public static GenericChart WithYAxis(this GenericChart chart, string? title = null, (double Min, double Max)? range = null, StyleParam.AxisType? type = null,
        double[]? ticks = null) =>
        WithAxis(chart, "yaxis", title, range, type, ticks);

    /// <summary>A vertical reference line across the plot at <paramref name="x"/> (a chosen threshold, the best epoch), labelled at its top.</summary>
    public static GenericChart WithVLine(this GenericChart chart, double x, string? label = null, StyleParam.DrawingStyle? dash = null, string color = ChartColors.Reference) =>
        WithReferenceLine(chart, x, null, label, dash, color);

    /// <summary>A horizontal reference line across the plot at <paramref name="y"/> (a baseline, zero error), labelled at its right end.</summary>
    public static GenericChart WithHLine(this GenericChart chart, double y, string? label = null, StyleParam.DrawingStyle? dash = null, string color = ChartColors.Reference) =>
        WithReferenceLine(chart, null, y, label, dash, color);

    private static GenericChart WithAxis(GenericChart chart, string key, string? title, (double Min, double Max)? range, StyleParam.AxisType? type, double[]? ticks)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var axis = Axis(("title", title is null ? null : Title(title)), ("type", type?.Convert()),
            ("tickmode", ticks is null ? null : "array"), ("tickvals", ticks),
            // A log axis's range is in powers of ten, as plotly.js reads it.
            ("range", range is { } r ? (type?.Equals(StyleParam.AxisType.Log) == true ? new[] { Math.Log10(r.Min), Math.Log10(r.Max) } : new[] { r.Min, r.Max }) : null));
        return GenericChart.addLayout(Layout((key, axis)), chart);
    }

    private static GenericChart WithReferenceLine(GenericChart chart, double? x, double? y, string? label, StyleParam.DrawingStyle? dash, string color)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        var line = LineStyle(("color", color), ("width", 1.5), ("dash", Dash(dash) ?? "dash"));
        var shape = x is { } at
            ? Shape(("type", "line"), ("xref", "x"), ("yref", "paper"), ("x0", at), ("x1", at), ("y0", 0), ("y1", 1), ("line", line))
            : Shape(("type", "line"), ("xref", "paper"), ("yref", "y"), ("x0", 0), ("x1", 1), ("y0", y), ("y1", y), ("line", line));
        var shapes = Existing<Shape>(layout, "shapes").Append(shape).ToArray();
        var annotations = Existing<Annotation>(layout, "annotations").ToList();
        if (label is not null)
            annotations.Add(x is { } ax
                ? Annotation(("x", ax), ("y", 1), ("xref", "x"), ("yref", "paper"), ("text", label), ("showarrow", false), ("xanchor", "left"), ("yanchor", "bottom"), ("font", Font(("color", color))))
                : Annotation(("x", 1), ("y", y), ("xref", "paper"), ("yref", "y"), ("text", label), ("showarrow", false), ("xanchor", "right"), ("yanchor", "bottom"), ("font", Font(("color", color)))));
        // A copy with the whole lists set: merging layouts (addLayout) appends to lists, which would repeat earlier lines.
        var copy = new Layout();
        foreach (var property in layout.GetProperties(false)) copy.SetProperty(property.Key, property.Value);
        return GenericChart.setLayout(copy.With(("shapes", shapes), ("annotations", annotations.Count == 0 ? null : annotations.ToArray())), chart);
    }

    private static IEnumerable<T> Existing<T>(Layout layout, string key) =>
        layout.TryGetPropertyValue(key) is { } value && value.Value is IEnumerable<T> items ? items : [];
}

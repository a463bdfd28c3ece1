using System.Text.Json.Nodes;

namespace AiLab.Charts;

// Styling helpers: each takes this figure and returns a changed copy, so they chain. Arguments left null
// are not touched. Anything not covered here is one With("layout.…", value) away.
public sealed partial class Figure
{
    /// <summary>Sets the title (always plotly's object form, <c>title.text</c>) and an optional subtitle.</summary>
    public Figure WithTitle(string text, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EditLayout(("title.text", text), ("title.subtitle.text", subtitle));
    }

    /// <summary>
    /// Styles the x axis (<paramref name="index"/> 2, 3, … for subplot axes x2, x3, …).
    /// A <paramref name="range"/> is given in data units, also on log axes (converted to plotly's log10 units).
    /// </summary>
    /// <param name="title">Axis title.</param>
    /// <param name="range">Visible range (Min, Max) in data units.</param>
    /// <param name="type">Linear, log, date or category.</param>
    /// <param name="reversed">Values grow right-to-left.</param>
    /// <param name="tickFormat">d3 format for tick labels, e.g. <c>".0%"</c> or <c>".2f"</c>.</param>
    /// <param name="showGrid">Grid lines on or off.</param>
    /// <param name="zeroLine">Emphasise the line at 0.</param>
    /// <param name="index">Which x axis: 1 for <c>xaxis</c>, 2 for <c>xaxis2</c>, ….</param>
    public Figure WithXAxis(string? title = null, (double Min, double Max)? range = null, AxisType? type = null,
        bool? reversed = null, string? tickFormat = null, bool? showGrid = null, bool? zeroLine = null, int index = 1) =>
        WithAxis('x', title, range, type, reversed, tickFormat, showGrid, zeroLine, index);

    /// <summary>
    /// Styles the y axis (<paramref name="index"/> 2, 3, … for subplot axes y2, y3, …).
    /// A <paramref name="range"/> is given in data units, also on log axes (converted to plotly's log10 units).
    /// <paramref name="reversed"/> puts the first row of a heatmap or image on top.
    /// </summary>
    /// <param name="title">Axis title.</param>
    /// <param name="range">Visible range (Min, Max) in data units.</param>
    /// <param name="type">Linear, log, date or category.</param>
    /// <param name="reversed">Values grow downwards.</param>
    /// <param name="tickFormat">d3 format for tick labels, e.g. <c>".0%"</c> or <c>".2f"</c>.</param>
    /// <param name="showGrid">Grid lines on or off.</param>
    /// <param name="zeroLine">Emphasise the line at 0.</param>
    /// <param name="index">Which y axis: 1 for <c>yaxis</c>, 2 for <c>yaxis2</c>, ….</param>
    public Figure WithYAxis(string? title = null, (double Min, double Max)? range = null, AxisType? type = null,
        bool? reversed = null, string? tickFormat = null, bool? showGrid = null, bool? zeroLine = null, int index = 1) =>
        WithAxis('y', title, range, type, reversed, tickFormat, showGrid, zeroLine, index);

    private Figure WithAxis(char letter, string? title, (double Min, double Max)? range, AxisType? type,
        bool? reversed, string? tickFormat, bool? showGrid, bool? zeroLine, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        var key = AxisKey(letter, index);
        var isLog = type is { } t ? t == AxisType.Log : (string?)PlotlyJson.Get(layout, key + ".type") == "log";
        double[]? plotlyRange = null;
        if (range is { } r)
        {
            if (!(r.Min < r.Max)) throw new ArgumentException($"range needs Min < Max; got ({r.Min}, {r.Max}).", nameof(range));
            if (isLog && r.Min <= 0) throw new ArgumentException($"A log axis range must be positive; got ({r.Min}, {r.Max}).", nameof(range));
            plotlyRange = isLog ? [Math.Log10(r.Min), Math.Log10(r.Max)] : [r.Min, r.Max];
            if (reversed == true) Array.Reverse(plotlyRange);
        }
        // A reversed axis without an explicit range is plotly's autorange "reversed".
        object? autorange = reversed switch { true when plotlyRange is null => "reversed", false => true, _ => null };
        return EditLayout(
            ($"{key}.title.text", title), ($"{key}.type", type), ($"{key}.range", plotlyRange), ($"{key}.autorange", autorange),
            ($"{key}.tickformat", tickFormat), ($"{key}.showgrid", showGrid), ($"{key}.zeroline", zeroLine));
    }

    /// <summary>Places the legend, titles it, or hides it (<paramref name="visible"/> false).</summary>
    public Figure WithLegend(LegendPosition? position = null, string? title = null, bool? visible = null)
    {
        var placement = position switch
        {
            null => null,
            LegendPosition.Right => new { x = 1.02, xanchor = "left", y = 1.0, yanchor = "top", orientation = "v" },
            LegendPosition.Bottom => new { x = 0.0, xanchor = "left", y = -0.18, yanchor = "top", orientation = "h" },
            LegendPosition.Top => new { x = 0.0, xanchor = "left", y = 1.02, yanchor = "bottom", orientation = "h" },
            LegendPosition.TopRight => new { x = 0.99, xanchor = "right", y = 0.99, yanchor = "top", orientation = "v" },
            LegendPosition.TopLeft => new { x = 0.01, xanchor = "left", y = 0.99, yanchor = "top", orientation = "v" },
            LegendPosition.BottomRight => new { x = 0.99, xanchor = "right", y = 0.01, yanchor = "bottom", orientation = "v" },
            LegendPosition.BottomLeft => new { x = 0.01, xanchor = "left", y = 0.01, yanchor = "bottom", orientation = "v" },
            _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown legend position."),
        };
        var figure = EditLayout(("showlegend", visible), ("legend.title.text", title));
        return placement is null ? figure : figure.EditLayout(
            ("legend.x", placement.x), ("legend.xanchor", placement.xanchor), ("legend.y", placement.y),
            ("legend.yanchor", placement.yanchor), ("legend.orientation", placement.orientation));
    }

    /// <summary>Fixes the figure's size in pixels (null leaves a dimension to the container).</summary>
    public Figure WithSize(int? width = null, int? height = null)
    {
        if (width is < 10) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be at least 10 pixels.");
        if (height is < 10) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be at least 10 pixels.");
        return EditLayout(("width", width), ("height", height));
    }

    /// <summary>How several bar traces share a category: grouped side by side, stacked or overlaid.</summary>
    public Figure WithBarMode(BarMode mode) => EditLayout(("barmode", mode));

    /// <summary>Lays subplots out in a grid; give each trace its axes (<c>xAxis: "x2", yAxis: "y2"</c>). See also <see cref="Subplots"/>.</summary>
    public Figure WithGrid(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        return EditLayout(("grid.rows", rows), ("grid.columns", columns), ("grid.pattern", "independent"));
    }

    /// <summary>A horizontal line across the plot at <paramref name="y"/>, optionally labelled at its right end.</summary>
    public Figure WithHLine(double y, string? color = null, Dash dash = Dash.Dash, double width = 1.5, string? label = null,
        string xAxis = "x", string yAxis = "y") =>
        WithShape(new JsonObject
        {
            ["type"] = "line", ["xref"] = $"{xAxis} domain", ["x0"] = 0, ["x1"] = 1,
            ["yref"] = yAxis, ["y0"] = PlotlyJson.Number(y), ["y1"] = PlotlyJson.Number(y),
        }, color, dash, width, label);

    /// <summary>A vertical line across the plot at <paramref name="x"/>, optionally labelled at its top.</summary>
    public Figure WithVLine(double x, string? color = null, Dash dash = Dash.Dash, double width = 1.5, string? label = null,
        string xAxis = "x", string yAxis = "y") =>
        WithShape(new JsonObject
        {
            ["type"] = "line", ["xref"] = xAxis, ["x0"] = PlotlyJson.Number(x), ["x1"] = PlotlyJson.Number(x),
            ["yref"] = $"{yAxis} domain", ["y0"] = 0, ["y1"] = 1,
        }, color, dash, width, label);

    /// <summary>A line segment between two points in data coordinates.</summary>
    public Figure WithLine(double x0, double y0, double x1, double y1, string? color = null, Dash dash = Dash.Solid, double width = 1.5,
        string? label = null, string xAxis = "x", string yAxis = "y") =>
        WithShape(Segment("line", x0, y0, x1, y1, xAxis, yAxis), color, dash, width, label);

    /// <summary>A rectangle in data coordinates: an outline (bounding boxes) and/or a fill (highlighted ranges, drawn below the data).</summary>
    public Figure WithRectangle(double x0, double y0, double x1, double y1, string? lineColor = null, string? fillColor = null,
        Dash dash = Dash.Solid, double width = 2, string? label = null, string xAxis = "x", string yAxis = "y")
    {
        var shape = Segment("rect", x0, y0, x1, y1, xAxis, yAxis);
        if (fillColor is not null)
        {
            shape["fillcolor"] = fillColor;
            shape["layer"] = "below";
        }
        return WithShape(shape, lineColor, dash, lineColor is null && fillColor is not null ? 0 : width, label);
    }

    /// <summary>
    /// Text at (<paramref name="x"/>, <paramref name="y"/>) in data coordinates, or in the plot area's 0–1
    /// coordinates when <paramref name="paperCoordinates"/> is true; with <paramref name="showArrow"/> an arrow
    /// points at the spot and the text sits beside it.
    /// </summary>
    public Figure WithAnnotation(double x, double y, string text, bool showArrow = false, bool paperCoordinates = false,
        string? xAnchor = null, string? yAnchor = null, double? fontSize = null, string? color = null, string? backgroundColor = null,
        string xAxis = "x", string yAxis = "y")
    {
        ArgumentNullException.ThrowIfNull(text);
        var annotation = new JsonObject
        {
            ["x"] = PlotlyJson.Number(x), ["y"] = PlotlyJson.Number(y), ["text"] = text, ["showarrow"] = showArrow,
            ["xref"] = paperCoordinates ? "paper" : xAxis, ["yref"] = paperCoordinates ? "paper" : yAxis,
        };
        if (xAnchor is not null) annotation["xanchor"] = xAnchor;
        if (yAnchor is not null) annotation["yanchor"] = yAnchor;
        if (fontSize is not null) PlotlyJson.Set(annotation, "font.size", fontSize.Value);
        if (color is not null) PlotlyJson.Set(annotation, "font.color", color);
        if (backgroundColor is not null) annotation["bgcolor"] = backgroundColor;
        return Append("annotations", annotation);
    }

    private static JsonObject Segment(string type, double x0, double y0, double x1, double y1, string xAxis, string yAxis) => new()
    {
        ["type"] = type, ["xref"] = xAxis, ["yref"] = yAxis,
        ["x0"] = PlotlyJson.Number(x0), ["y0"] = PlotlyJson.Number(y0), ["x1"] = PlotlyJson.Number(x1), ["y1"] = PlotlyJson.Number(y1),
    };

    private Figure WithShape(JsonObject shape, string? color, Dash dash, double width, string? label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        PlotlyJson.Set(shape, "line.color", color ?? Theme.ReferenceColor);
        PlotlyJson.Set(shape, "line.width", width);
        PlotlyJson.Set(shape, "line.dash", PlotlyJson.ToNode(dash));
        if (label is not null)
        {
            PlotlyJson.Set(shape, "label.text", label);
            PlotlyJson.Set(shape, "label.textposition", (string?)shape["type"] == "rect" ? "top left" : "end");
            PlotlyJson.Set(shape, "label.font.color", color ?? Theme.ReferenceColor);
        }
        return Append("shapes", shape);
    }

    /// <summary>A copy with <paramref name="item"/> appended to the layout array <paramref name="key"/> (shapes, annotations).</summary>
    private Figure Append(string key, JsonObject item)
    {
        var copy = (JsonObject)layout.DeepClone();
        if (copy[key] is not JsonArray array)
        {
            array = [];
            copy[key] = array;
        }
        array.Add(item);
        return new Figure(traces, copy, config);
    }

    /// <summary>A copy with several layout attributes set at once; null values are skipped (left as they were).</summary>
    private Figure EditLayout(params (string Path, object? Value)[] changes)
    {
        if (changes.All(c => c.Value is null)) return this;
        var copy = (JsonObject)layout.DeepClone();
        PlotlyJson.SetAll(copy, changes);
        return new Figure(traces, copy, config);
    }

    /// <summary><c>xaxis</c>, <c>xaxis2</c>, … as layout keys; <c>x</c>, <c>x2</c>, … as trace references.</summary>
    internal static string AxisKey(char letter, int index) => index == 1 ? $"{letter}axis" : $"{letter}axis{index}";
}

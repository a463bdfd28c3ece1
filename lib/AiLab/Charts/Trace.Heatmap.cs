namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// A <c>heatmap</c> trace: <paramref name="z"/>[row, column] coloured through <paramref name="colorscale"/>, row 0 at
    /// the bottom unless the y axis is reversed (<c>WithYAxis(reversed: true)</c> puts it on top, as matrices are read).
    /// With <paramref name="text"/> and <paramref name="textTemplate"/> each cell carries an annotation.
    /// </summary>
    /// <param name="z">The values.</param>
    /// <param name="x">Column labels or positions (one per column).</param>
    /// <param name="y">Row labels or positions (one per row).</param>
    /// <param name="name">Trace name (hover).</param>
    /// <param name="colorscale">Colour scale; the template's sequential scale (Viridis) when null.</param>
    /// <param name="zMin">Value mapped to the bottom of the scale.</param>
    /// <param name="zMax">Value mapped to the top of the scale.</param>
    /// <param name="zMid">Value mapped to the middle of the scale (0 for diverging data).</param>
    /// <param name="text">Text per cell, [row, column]; shown in the cell through <paramref name="textTemplate"/>.</param>
    /// <param name="textTemplate">Cell annotation, e.g. <c>"%{text}"</c> or <c>"%{z:.2f}"</c>.</param>
    /// <param name="textSize">Font size of cell annotations.</param>
    /// <param name="hoverTemplate">plotly.js hover template.</param>
    /// <param name="showScale">Whether to draw the colour bar.</param>
    /// <param name="colorbarTitle">Colour bar title.</param>
    /// <param name="gap">Pixels between cells.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Heatmap(
        Values2D z, Values? x = null, Values? y = null, string? name = null,
        Colorscale? colorscale = null, double? zMin = null, double? zMax = null, double? zMid = null,
        string[,]? text = null, string? textTemplate = null, double? textSize = null, string? hoverTemplate = null,
        bool? showScale = null, string? colorbarTitle = null, double? gap = null,
        string? xAxis = null, string? yAxis = null)
    {
        if (x is { } xs && xs.Count != z.Columns)
            throw new ArgumentException($"x has {xs.Count} labels but z has {z.Columns} columns.", nameof(x));
        if (y is { } ys && ys.Count != z.Rows)
            throw new ArgumentException($"y has {ys.Count} labels but z has {z.Rows} rows.", nameof(y));
        if (text is not null && (text.GetLength(0) != z.Rows || text.GetLength(1) != z.Columns))
            throw new ArgumentException($"text is {text.GetLength(0)}×{text.GetLength(1)} but z is {z.Rows}×{z.Columns}.", nameof(text));
        return Build("heatmap",
            ("name", name), ("z", z), ("x", x), ("y", y), ("colorscale", colorscale),
            ("zmin", zMin), ("zmax", zMax), ("zmid", zMid),
            ("text", text), ("texttemplate", textTemplate), ("textfont.size", textSize), ("hovertemplate", hoverTemplate),
            ("showscale", showScale), ("colorbar.title.text", colorbarTitle),
            ("xgap", gap), ("ygap", gap), ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

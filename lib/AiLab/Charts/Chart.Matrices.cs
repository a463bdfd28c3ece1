namespace AiLab.Charts;

public static partial class Chart
{
    /// <summary>
    /// A matrix as a heatmap, first row on top (as matrices are read): attention weights (rows = queries,
    /// columns = keys), similarity matrices, missingness (1 = missing), Q-values on a grid. Data with both signs
    /// gets a diverging scale centred on 0 unless a scale or range is given.
    /// </summary>
    /// <param name="z">The values, [row, column].</param>
    /// <param name="xLabels">Column labels (tokens, features, …).</param>
    /// <param name="yLabels">Row labels.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="colorscale">Colour scale; Viridis, or diverging for signed data, when null.</param>
    /// <param name="annotate">Write each cell's value in it (for small matrices).</param>
    /// <param name="valueFormat">d3 format of annotations and hover values, e.g. <c>".2f"</c> or <c>".0%"</c>.</param>
    /// <param name="zMin">Value at the bottom of the scale.</param>
    /// <param name="zMax">Value at the top of the scale.</param>
    /// <param name="colorbarTitle">Colour bar title.</param>
    /// <param name="xTitle">x axis title.</param>
    /// <param name="yTitle">y axis title.</param>
    public static Figure Heatmap(Values2D z, string[]? xLabels = null, string[]? yLabels = null, string? title = null,
        Colorscale? colorscale = null, bool annotate = false, string valueFormat = ".2f", double? zMin = null, double? zMax = null,
        string? colorbarTitle = null, string? xTitle = null, string? yTitle = null)
    {
        if (z.Rows == 0 || z.Columns == 0) throw new ArgumentException("The matrix is empty.", nameof(z));
        RequireLength(xLabels, z.Columns, nameof(xLabels), "the matrix's columns");
        RequireLength(yLabels, z.Rows, nameof(yLabels), "the matrix's rows");
        var values = z.ToArray().Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var signed = values.Min() < 0 && values.Max() > 0 && colorscale is null && zMin is null && zMax is null;
        var figure = new Figure(Trace.Heatmap(z, x: Optional(xLabels), y: Optional(yLabels), colorscale: colorscale ?? (signed ? Colorscale.Diverging : Colorscale.Viridis),
                zMin: zMin, zMax: zMax, zMid: signed ? 0 : null, textTemplate: annotate ? $"%{{z:{valueFormat}}}" : null,
                textSize: annotate ? 11 : null, colorbarTitle: colorbarTitle,
                hoverTemplate: $"{(yLabels is null ? "row %{y}" : "%{y}")}, {(xLabels is null ? "column %{x}" : "%{x}")}: %{{z:{valueFormat}}}<extra></extra>"))
            .WithXAxis(xTitle, type: xLabels is null ? null : AxisType.Category, showGrid: false)
            .WithYAxis(yTitle, type: yLabels is null ? null : AxisType.Category, reversed: true, showGrid: false);
        return title is null ? figure : figure.WithTitle(title);
    }
}

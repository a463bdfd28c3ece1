using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

public static partial class LabChart
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
    /// <param name="colorscale">Colour scale; Viridis, or <see cref="LabColorscales.Diverging"/> for signed data, when null.</param>
    /// <param name="annotate">Write each cell's value in it (for small matrices).</param>
    /// <param name="valueFormat">d3 format of annotations and hover values, e.g. <c>".2f"</c> or <c>".0%"</c>.</param>
    /// <param name="zMin">Value at the bottom of the scale.</param>
    /// <param name="zMax">Value at the top of the scale.</param>
    /// <param name="colorbarTitle">Colour bar title.</param>
    /// <param name="xTitle">x axis title.</param>
    /// <param name="yTitle">y axis title.</param>
    public static GenericChart Heatmap(double[,] z, string[]? xLabels = null, string[]? yLabels = null, string? title = null,
        StyleParam.Colorscale? colorscale = null, bool annotate = false, string valueFormat = ".2f", double? zMin = null, double? zMax = null,
        string? colorbarTitle = null, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.GetLength(0) == 0 || z.GetLength(1) == 0) throw new ArgumentException("The matrix is empty.", nameof(z));
        RequireLength(xLabels, z.GetLength(1), nameof(xLabels), "the matrix's columns");
        RequireLength(yLabels, z.GetLength(0), nameof(yLabels), "the matrix's rows");
        var values = z.Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var signed = values.Min() < 0 && values.Max() > 0 && colorscale is null && zMin is null && zMax is null;
        var heatmap = Trace("heatmap", ("z", Rows(z)), ("x", xLabels), ("y", yLabels),
            ("colorscale", signed ? Scale(LabColorscales.Diverging) : Scale(colorscale) ?? "Viridis"),
            ("zmin", zMin), ("zmax", zMax), ("zmid", signed ? 0 : null), ("texttemplate", annotate ? $"%{{z:{valueFormat}}}" : null),
            ("textfont", annotate ? Font(("size", 11)) : null), ("colorbar", colorbarTitle is null ? null : ColorBar(("title", Title(colorbarTitle)))),
            ("hovertemplate", $"{(yLabels is null ? "row %{y}" : "%{y}")}, {(xLabels is null ? "column %{x}" : "%{x}")}: %{{z:{valueFormat}}}<extra></extra>"));
        return Chart([heatmap], Layout(
            // White behind cells and between tiles, not the template's grey plot area.
            ("plot_bgcolor", "#ffffff"),
            ("title", title is null ? null : Title(title)),
            ("xaxis", AxisTitled(xTitle, ("type", xLabels is null ? null : "category"), ("showgrid", false))),
            ("yaxis", AxisTitled(yTitle, ("type", yLabels is null ? null : "category"), ("autorange", "reversed"), ("showgrid", false)))));
    }
}

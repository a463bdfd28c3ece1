namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// A <c>histogram</c> trace: plotly.js bins <paramref name="values"/> itself. Give several histograms the
    /// same <paramref name="bins"/> so their bars line up, and <see cref="BarMode.Overlay"/> with opacity to compare them.
    /// </summary>
    /// <param name="values">The samples.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="bins">Explicit bin edges: first edge, last edge and width.</param>
    /// <param name="maxBins">Upper bound on the number of bins when <paramref name="bins"/> is null (plotly.js picks nice edges).</param>
    /// <param name="histNorm">What bar heights mean: counts (default), probability, density, ….</param>
    /// <param name="orientation">Vertical (samples on x, default) or horizontal (samples on y).</param>
    /// <param name="color">Bar colour.</param>
    /// <param name="opacity">0 (invisible) to 1.</param>
    /// <param name="showLegend">Whether the trace appears in the legend.</param>
    /// <param name="legendGroup">Traces in one group toggle together.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Histogram(
        Values values, string? name = null, (double Start, double End, double Size)? bins = null, int? maxBins = null,
        HistNorm? histNorm = null, Orientation? orientation = null, string? color = null, double? opacity = null,
        bool? showLegend = null, string? legendGroup = null, string? xAxis = null, string? yAxis = null)
    {
        if (bins is { } b && !(b.Size > 0 && b.End > b.Start))
            throw new ArgumentException($"bins needs End > Start and Size > 0; got ({b.Start}, {b.End}, {b.Size}).", nameof(bins));
        if (maxBins is <= 0) throw new ArgumentOutOfRangeException(nameof(maxBins), maxBins, "maxBins must be positive.");
        var horizontal = orientation == Orientation.Horizontal;
        var axis = horizontal ? "y" : "x";
        return Build("histogram",
            ("name", name), (axis, values), ("orientation", orientation),
            ($"{axis}bins.start", bins?.Start), ($"{axis}bins.end", bins?.End), ($"{axis}bins.size", bins?.Size),
            ($"nbins{axis}", maxBins), ("histnorm", histNorm), ("marker.color", color), ("opacity", opacity),
            ("showlegend", showLegend), ("legendgroup", legendGroup), ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

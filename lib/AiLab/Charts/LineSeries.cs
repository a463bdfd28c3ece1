using Plotly.NET;

namespace AiLab.Charts;

/// <summary>One line for <see cref="LabChart.Line(IEnumerable{LineSeries})"/>, with an optional band and style.</summary>
/// <param name="Name">Legend entry (empty for none).</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Values.</param>
/// <param name="Lower">Lower edge of the band (with <paramref name="Upper"/>), e.g. mean − std.</param>
/// <param name="Upper">Upper edge of the band, e.g. mean + std.</param>
/// <param name="Color">Colour (<c>#rrggbb</c>); the palette's next colour when null.</param>
/// <param name="Dash">Dash pattern, e.g. <c>StyleParam.DrawingStyle.Dash</c>.</param>
public sealed record LineSeries(string Name, double[] X, double[] Y, double[]? Lower = null, double[]? Upper = null, string? Color = null,
    StyleParam.DrawingStyle? Dash = null)
{
    /// <summary>A line over integer positions (epochs, examples per class, batch sizes).</summary>
    /// <param name="name">Legend entry (empty for none).</param>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Values.</param>
    /// <param name="lower">Lower edge of the band (with <paramref name="upper"/>).</param>
    /// <param name="upper">Upper edge of the band.</param>
    /// <param name="color">Colour (<c>#rrggbb</c>); the palette's next colour when null.</param>
    /// <param name="dash">Dash pattern.</param>
    public LineSeries(string name, int[] x, double[] y, double[]? lower = null, double[]? upper = null, string? color = null,
        StyleParam.DrawingStyle? dash = null)
        : this(name, (x ?? throw new ArgumentNullException(nameof(x))).Select(v => (double)v).ToArray(), y, lower, upper, color, dash)
    {
    }
}

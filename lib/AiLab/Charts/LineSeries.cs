namespace AiLab.Charts;

/// <summary>One line for <see cref="Chart.Line(IEnumerable{LineSeries})"/>, with an optional band and style.</summary>
/// <param name="Name">Legend entry (empty for none).</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Values.</param>
/// <param name="Lower">Lower edge of the band (with <paramref name="Upper"/>).</param>
/// <param name="Upper">Upper edge of the band.</param>
/// <param name="Color">Colour; the theme's next colour when null.</param>
/// <param name="Dash">Dash pattern.</param>
public sealed record LineSeries(string Name, Values X, double[] Y, double[]? Lower = null, double[]? Upper = null, string? Color = null, Dash? Dash = null);

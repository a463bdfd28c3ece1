using Plotly.NET;

namespace AiLab.Charts;

/// <summary>
/// Colour scales the lab's charts use, as Plotly.NET values (pass any <see cref="StyleParam.Colorscale"/>, e.g.
/// <c>StyleParam.Colorscale.Viridis</c>, where a chart takes one).
/// </summary>
public static class LabColorscales
{
    /// <summary>Black (low) to white (high): grayscale images.</summary>
    public static StyleParam.Colorscale Gray { get; } = Stops((0, "#000000"), (1, "#ffffff"));

    /// <summary>White (low) to black (high): dark ink on white paper.</summary>
    public static StyleParam.Colorscale GrayInverted { get; } = Stops((0, "#ffffff"), (1, "#000000"));

    /// <summary>Blue (negative) through white (0) to red (positive): signed weights, differences.</summary>
    public static StyleParam.Colorscale Diverging { get; } = Stops((0, "#2166ac"), (0.5, "#f7f7f7"), (1, "#b2182b"));

    /// <summary>Light to dark blue: shares and counts (the confusion matrix).</summary>
    public static StyleParam.Colorscale Blues { get; } = Stops((0, "#f7fbff"), (0.5, "#6baed6"), (1, "#08306b"));

    /// <summary>SHAP's feature-value scale: blue (low) through purple to red (high).</summary>
    public static StyleParam.Colorscale ShapFeatureValue { get; } = Stops((0, "#008bfb"), (0.5, "#8c3fd6"), (1, "#ff0051"));

    private static StyleParam.Colorscale Stops(params (double Position, string Hex)[] stops) =>
        StyleParam.Colorscale.NewCustom(stops.Select(s => Tuple.Create(s.Position, Color.fromHex(s.Hex))).ToArray());
}

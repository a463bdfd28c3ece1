namespace AiLab.Charts;

public sealed partial class Trace
{
    /// <summary>
    /// An <c>image</c> trace: colour pixels [row, column, channel] drawn with square pixels, row 0 at the top.
    /// For one-channel data (grayscale digits, masks, attention) use <see cref="Heatmap"/> with a grey colour scale,
    /// or <c>Chart.ImageGrid</c>.
    /// </summary>
    /// <param name="pixels">Channels per pixel: 3 for <c>rgb</c>/<c>hsl</c>, 4 for <c>rgba</c>/<c>hsla</c>; rgb in 0–255.</param>
    /// <param name="colorModel"><c>"rgb"</c>, <c>"rgba"</c>, <c>"hsl"</c> or <c>"hsla"</c>.</param>
    /// <param name="name">Trace name (hover).</param>
    /// <param name="hoverTemplate">plotly.js hover template.</param>
    /// <param name="xAxis">Axis id for subplots (<c>"x2"</c>).</param>
    /// <param name="yAxis">Axis id for subplots (<c>"y2"</c>).</param>
    public static Trace Image(double[,,] pixels, string colorModel = "rgb", string? name = null, string? hoverTemplate = null,
        string? xAxis = null, string? yAxis = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var channels = colorModel switch
        {
            "rgb" or "hsl" => 3,
            "rgba" or "hsla" => 4,
            _ => throw new ArgumentException($"colorModel must be rgb, rgba, hsl or hsla; got \"{colorModel}\".", nameof(colorModel)),
        };
        if (pixels.GetLength(2) != channels)
            throw new ArgumentException($"pixels has {pixels.GetLength(2)} channels but colorModel \"{colorModel}\" needs {channels}.", nameof(pixels));
        return Build("image",
            ("name", name), ("z", pixels), ("colormodel", colorModel), ("hovertemplate", hoverTemplate),
            ("xaxis", xAxis), ("yaxis", yAxis));
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace AiLab.Charts;

/// <summary>
/// A plotly.js colour scale: a named one (<c>"Viridis"</c>) or explicit stops from 0 to 1.
/// The grey scales are explicit so which end is black never depends on plotly's naming.
/// </summary>
public sealed class Colorscale : IPlotlyValue
{
    private readonly string? name;
    private readonly (double Position, string Color)[]? stops;

    private Colorscale(string? name, (double, string)[]? stops) => (this.name, this.stops) = (name, stops);

    /// <summary>Perceptually uniform, dark blue → yellow; the default for heatmaps.</summary>
    public static Colorscale Viridis { get; } = Named("Viridis");

    /// <summary>Like Viridis and readable with colour-vision deficiency.</summary>
    public static Colorscale Cividis { get; } = Named("Cividis");

    /// <summary>White → dark blue, for counts and shares (confusion matrices).</summary>
    public static Colorscale Blues { get; } = FromStops((0, "#f7fbff"), (0.5, "#6baed6"), (1, "#08306b"));

    /// <summary>Blue → white → red, for signed values centred on zero (set <c>zmid: 0</c>).</summary>
    public static Colorscale Diverging { get; } = FromStops((0, "#2166ac"), (0.5, "#f7f7f7"), (1, "#b2182b"));

    /// <summary>0 = black, 1 = white: pixel intensities with white ink on black (as MNIST is usually shown).</summary>
    public static Colorscale Gray { get; } = FromStops((0, "#000000"), (1, "#ffffff"));

    /// <summary>0 = white, 1 = black: dark ink on white paper.</summary>
    public static Colorscale GrayInverted { get; } = FromStops((0, "#ffffff"), (1, "#000000"));

    /// <summary>Low feature value blue → high red, as SHAP's summary plots colour points.</summary>
    public static Colorscale ShapFeatureValue { get; } = FromStops((0, "#008bfb"), (0.5, "#8c3fd6"), (1, "#ff0051"));

    /// <summary>A colour scale plotly.js knows by name (Viridis, Cividis, Blues, RdBu, YlOrRd, Greys, …).</summary>
    public static Colorscale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Colorscale(name, null);
    }

    /// <summary>A colour scale through the given stops; positions rise from 0 to 1.</summary>
    public static Colorscale FromStops(params (double Position, string Color)[] stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Length < 2) throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        if (stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException("Colour scale stops must start at 0 and end at 1.", nameof(stops));
        for (var i = 1; i < stops.Length; i++)
            if (stops[i].Position < stops[i - 1].Position)
                throw new ArgumentException($"Colour scale stop {i} ({stops[i].Position.ToString(CultureInfo.InvariantCulture)}) is below the one before it.", nameof(stops));
        return new Colorscale(null, ((double, string)[])stops.Clone());
    }

    JsonNode? IPlotlyValue.ToJsonNode()
    {
        if (name is not null) return JsonValue.Create(name);
        var array = new JsonArray();
        foreach (var (position, color) in stops!) array.Add(new JsonArray(JsonValue.Create(position), JsonValue.Create(color)));
        return array;
    }

    /// <summary>The name or the stops, for logs.</summary>
    public override string ToString() => name ?? string.Join(", ", stops!.Select(s => $"{s.Position.ToString(CultureInfo.InvariantCulture)}:{s.Color}"));
}

using System.Text.Json.Nodes;

namespace AiLab.Charts;

/// <summary>
/// One immutable plotly.js trace: its <c>type</c> and attributes as JSON. Build one with the typed
/// factories (<see cref="Scatter"/>, <see cref="Bar"/>, <see cref="Histogram"/>, <see cref="Heatmap"/>,
/// <see cref="Image"/>, <see cref="Box"/>) or <see cref="Of"/> for any other plotly.js type, and set any
/// attribute with <see cref="With"/>. Every change returns a new trace.
/// </summary>
public sealed partial class Trace
{
    private readonly JsonObject json;

    private Trace(JsonObject json) => this.json = json;

    /// <summary>The plotly.js trace type (<c>"scatter"</c>, <c>"bar"</c>, …).</summary>
    public string Type => (string?)json["type"] ?? "scatter";

    /// <summary>The legend name, if set.</summary>
    public string? Name => json["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    /// <summary>An empty trace of any plotly.js type, to fill with <see cref="With"/>: <c>Trace.Of("violin").With("y", values)</c>.</summary>
    public static Trace Of(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new Trace(new JsonObject { ["type"] = type });
    }

    /// <summary>
    /// A copy with the attribute at <paramref name="path"/> (plotly.js names, dots between levels, <c>[i]</c> for
    /// array items, e.g. <c>"marker.line.width"</c>) set to <paramref name="value"/>; <c>null</c> removes it.
    /// </summary>
    public Trace With(string path, object? value) => new(PlotlyJson.With(json, path, value));

    /// <summary>A copy of the attribute at <paramref name="path"/>, or <c>null</c> when it is not set.</summary>
    public JsonNode? Get(string path) => PlotlyJson.Detach(PlotlyJson.Get(json, path));

    /// <summary>This trace as plotly.js JSON.</summary>
    public string ToJson() => json.ToJsonString(PlotlyJson.WriteOptions);

    /// <summary>Type, name and size, e.g. <c>scatter "train" (20 points)</c>.</summary>
    public override string ToString()
    {
        var name = Name is null ? "" : $" \"{Name}\"";
        return $"{Type}{name} ({Size()})";
    }

    /// <summary>The attributes, for code in this library that only reads them.</summary>
    internal JsonObject Json => json;

    /// <summary>Wraps an object this library built and will not touch again.</summary>
    internal static Trace Wrap(JsonObject json) => new(json);

    private string Size()
    {
        if (json["z"] is JsonArray { Count: > 0 } z)
            return z[0] is JsonArray row ? $"{z.Count}×{row.Count}" : $"{z.Count} values";
        var points = new[] { "x", "y", "values" }.Select(key => json[key] is JsonArray a ? a.Count : 0).Max();
        return points == 1 ? "1 point" : $"{points} points";
    }

    /// <summary>
    /// Builds a trace from (path, value) pairs, skipping null values, so factories list only what the caller set.
    /// </summary>
    private static Trace Build(string type, params (string Path, object? Value)[] attributes)
    {
        var json = new JsonObject { ["type"] = type };
        PlotlyJson.SetAll(json, attributes);
        return new Trace(json);
    }

    private static void RequireSameLength(Values first, string firstName, Values second, string secondName)
    {
        if (first.Count > 0 && second.Count > 0 && first.Count != second.Count)
            throw new ArgumentException($"{firstName} has {first.Count} values but {secondName} has {second.Count}; they must match.", secondName);
    }

    private static void RequireSameLength(Values first, string firstName, Values? second, string secondName)
    {
        if (second is { } s) RequireSameLength(first, firstName, s, secondName);
    }
}

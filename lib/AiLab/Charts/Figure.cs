using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AiLab.Charts;

/// <summary>
/// An immutable plotly.js figure: traces, layout and config. Styling helpers (<see cref="WithTitle"/>,
/// <see cref="WithXAxis"/>, …) and the raw <see cref="With"/> each return a new figure, so they chain:
/// <code>
/// var fig = new Figure(Trace.Scatter(x, y, name: "train"))
///     .WithTitle("Training loss")
///     .WithXAxis("epoch")
///     .WithYAxis("loss", type: AxisType.Log);
/// fig.Save("loss");
/// </code>
/// A new figure starts from the AiLab <see cref="Theme"/> (as <c>layout.template</c>).
/// </summary>
public sealed partial class Figure
{
    private readonly ImmutableArray<Trace> traces;
    private readonly JsonObject layout;
    private readonly JsonObject config;

    /// <summary>A figure of <paramref name="traces"/> on the AiLab theme.</summary>
    public Figure(params IEnumerable<Trace> traces)
        : this(ToImmutable(traces), new JsonObject { ["template"] = Theme.Template() }, DefaultConfig())
    {
    }

    private Figure(ImmutableArray<Trace> traces, JsonObject layout, JsonObject config)
    {
        this.traces = traces;
        this.layout = layout;
        this.config = config;
    }

    /// <summary>The traces, in drawing order.</summary>
    public IReadOnlyList<Trace> Traces => traces;

    /// <summary>The title text, if set.</summary>
    public string? Title => PlotlyJson.Get(layout, "title.text") is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// The escape hatch: a copy with any plotly.js attribute set by path, rooted at <c>layout</c>, <c>config</c>
    /// or <c>data[i]</c> (the i-th trace): <c>fig.With("layout.xaxis.dtick", 1)</c>,
    /// <c>fig.With("data[0].marker.size", 4)</c>, <c>fig.With("config.scrollZoom", true)</c>.
    /// The value may be a number, string, bool, array, dictionary, anonymous object or <see cref="JsonNode"/>;
    /// <c>null</c> removes the attribute.
    /// </summary>
    public Figure With(string path, object? value) => Route(path) switch
    {
        (Root.Layout, _, var rest) => WithLayout(rest, value),
        (Root.Config, _, var rest) => WithConfig(rest, value),
        (_, var index, var rest) => new Figure(traces.SetItem(index, traces[index].With(rest, value)), layout, config),
    };

    /// <summary>A copy with the layout attribute at <paramref name="path"/> (e.g. <c>"xaxis.range"</c>) set; <c>null</c> removes it.</summary>
    public Figure WithLayout(string path, object? value) => new(traces, PlotlyJson.With(layout, path, value), config);

    /// <summary>A copy with the config attribute at <paramref name="path"/> (e.g. <c>"scrollZoom"</c>) set; <c>null</c> removes it.</summary>
    public Figure WithConfig(string path, object? value) => new(traces, layout, PlotlyJson.With(config, path, value));

    /// <summary>A copy of the value at <paramref name="path"/> (rooted as in <see cref="With"/>), or <c>null</c> when unset.</summary>
    public JsonNode? Get(string path) => Route(path) switch
    {
        (Root.Layout, _, var rest) => PlotlyJson.Detach(PlotlyJson.Get(layout, rest)),
        (Root.Config, _, var rest) => PlotlyJson.Detach(PlotlyJson.Get(config, rest)),
        (_, var index, var rest) => traces[index].Get(rest),
    };

    private enum Root { Layout, Config, Data }

    /// <summary>Splits <c>layout.…</c>, <c>config.…</c> or <c>data[i].…</c> into its root, trace index and the rest.</summary>
    private (Root Root, int Index, string Remainder) Route(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dot = path.IndexOf('.');
        var root = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? "" : path[(dot + 1)..];
        if (rest.Length > 0)
        {
            if (root == "layout") return (Root.Layout, -1, rest);
            if (root == "config") return (Root.Config, -1, rest);
            if (root.StartsWith("data[", StringComparison.Ordinal) && root.EndsWith(']')
                && int.TryParse(root.AsSpan(5, root.Length - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                if (index >= traces.Length)
                    throw new ArgumentOutOfRangeException(nameof(path), $"\"{path}\": the figure has {traces.Length} traces.");
                return (Root.Data, index, rest);
            }
        }
        throw new ArgumentException($"\"{path}\" must start with layout., config. or data[i]. (for example layout.xaxis.range).", nameof(path));
    }

    /// <summary>A copy with <paramref name="more"/> traces drawn after the existing ones.</summary>
    public Figure AddTraces(params IEnumerable<Trace> more) => new(traces.AddRange(ToImmutable(more)), layout, config);

    /// <summary>A copy with every trace replaced by <paramref name="change"/>(trace, index).</summary>
    public Figure MapTraces(Func<Trace, int, Trace> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Figure(traces.Select((t, i) => change(t, i)).ToImmutableArray(), layout, config);
    }

    /// <summary>
    /// Overlays figures on one set of axes: all traces in order; layouts merged key by key (later figures win,
    /// except that shapes, annotations and images are concatenated); configs merged the same way. Traces keep
    /// their colours: two ready-made charts both start from the first palette colour, so prefer one multi-series
    /// call (<c>Chart.Line(a, b)</c>) or recolour with <see cref="MapTraces"/>.
    /// </summary>
    public static Figure Combine(params IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        if (list.Count == 0) return new Figure();
        var layout = (JsonObject)list[0].layout.DeepClone();
        var config = (JsonObject)list[0].config.DeepClone();
        var traces = list[0].traces.ToBuilder();
        foreach (var figure in list.Skip(1))
        {
            traces.AddRange(figure.traces);
            Merge(layout, figure.layout);
            Merge(config, figure.config);
        }
        return new Figure(traces.ToImmutable(), layout, config);
    }

    /// <summary>The whole figure as one JSON object {data, layout, config} (a fresh copy).</summary>
    internal JsonObject ToJsonObject() => new()
    {
        ["data"] = new JsonArray(traces.Select(t => (JsonNode)t.Json.DeepClone()).ToArray()),
        ["layout"] = layout.DeepClone(),
        ["config"] = config.DeepClone(),
    };

    /// <summary>The layout, for code in this library that only reads it.</summary>
    internal JsonObject LayoutJson => layout;

    /// <summary>A figure from parts this library built and will not touch again.</summary>
    internal static Figure FromParts(IEnumerable<Trace> traces, JsonObject layout, JsonObject config) =>
        new(ToImmutable(traces), layout, config);

    /// <summary>The config, for code in this library that only reads it.</summary>
    internal JsonObject ConfigJson => config;

    private static readonly HashSet<string> ConcatenatedArrays = ["shapes", "annotations", "images"];

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject sourceObject && target[key] is JsonObject targetObject)
                Merge(targetObject, sourceObject);
            else if (value is JsonArray sourceArray && target[key] is JsonArray targetArray && ConcatenatedArrays.Contains(key))
                foreach (var item in sourceArray) targetArray.Add(item?.DeepClone());
            else
                target[key] = value?.DeepClone();
        }
    }

    private static JsonObject DefaultConfig() => new()
    {
        ["responsive"] = true,
        ["displaylogo"] = false,
    };

    private static ImmutableArray<Trace> ToImmutable(IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var array = traces.ToImmutableArray();
        for (var i = 0; i < array.Length; i++)
            if (array[i] is null) throw new ArgumentNullException(nameof(traces), $"Trace {i} is null.");
        return array;
    }
}

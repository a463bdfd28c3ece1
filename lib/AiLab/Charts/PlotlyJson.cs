using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AiLab.Charts;

/// <summary>
/// Turns .NET values into plotly.js JSON and edits JSON trees by plotly attribute path
/// (<c>"xaxis.title.text"</c>, <c>"annotations[2].font.size"</c>). One place decides how every value
/// is spelled: non-finite numbers become <c>null</c> (a gap in plotly), enums use their
/// <see cref="JsonStringEnumMemberNameAttribute"/> (flags joined with <c>+</c>, as in <c>"lines+markers"</c>),
/// 2-D and 3-D arrays become nested arrays, and any other object becomes an object of its public properties.
/// </summary>
internal static class PlotlyJson
{
    /// <summary>
    /// Escapes HTML-sensitive characters (&lt; &gt; &amp; ' + `), so the JSON is safe inside an HTML &lt;script&gt;,
    /// but leaves other scripts (Chinese titles) readable.
    /// </summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    internal static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = false, Encoder = Encoder };

    internal static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true, Encoder = Encoder };

    /// <summary>
    /// A detached copy for callers outside the library. Re-parsed rather than cloned, so numbers convert to any
    /// numeric type (<c>(int)node</c> and <c>(double)node</c> both work, whatever type first created them).
    /// </summary>
    internal static JsonNode? Detach(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    /// <summary>Converts a value into a fresh JSON node that no other tree owns.</summary>
    internal static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        IPlotlyValue plotly => plotly.ToJsonNode(),
        string s => JsonValue.Create(s),
        char c => JsonValue.Create(c.ToString()),
        bool b => JsonValue.Create(b),
        double d => Number(d),
        float f => float.IsFinite(f) ? JsonValue.Create(f) : null,
        decimal m => JsonValue.Create(m),
        int or long or short or byte or sbyte or uint or ulong or ushort => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(EnumName(e)),
        DateTime t => JsonValue.Create(FormatDate(t)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Array { Rank: > 1 } array => MultiDimensional(array, new int[array.Rank], 0),
        IDictionary dictionary => Dictionary(dictionary),
        IEnumerable sequence => Sequence(sequence),
        _ => ObjectProperties(value),
    };

    /// <summary>The number held by <paramref name="node"/>, whatever .NET type created it; null when it is not a number.</summary>
    internal static double? AsDouble(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
            : null;

    internal static JsonNode? Number(double d) => double.IsFinite(d) ? JsonValue.Create(d) : null;

    /// <summary>plotly.js reads dates as "yyyy-mm-dd HH:MM:SS" strings; midnight is written as a plain date.</summary>
    internal static string FormatDate(DateTime t) => t.TimeOfDay == TimeSpan.Zero
        ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>The plotly.js spelling of an enum value: its JsonStringEnumMemberName, else its name in lower case.</summary>
    internal static string EnumName(Enum value)
    {
        var type = value.GetType();
        if (type.IsDefined(typeof(FlagsAttribute), false))
        {
            var set = Enum.GetValues(type).Cast<Enum>()
                .Where(flag => Convert.ToInt64(flag, CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag))
                .Select(MemberName).ToArray();
            return set.Length == 0 ? MemberName((Enum)Enum.ToObject(type, 0)) : string.Join("+", set);
        }
        return MemberName(value);
    }

    private static string MemberName(Enum value)
    {
        var name = value.ToString();
        var field = value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"{value.GetType().Name} has no member with value {name}.", nameof(value));
        return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name.ToLowerInvariant();
    }

    private static JsonArray Sequence(IEnumerable sequence)
    {
        var array = new JsonArray();
        foreach (var item in sequence) array.Add(ToNode(item));
        return array;
    }

    private static JsonObject Dictionary(IDictionary dictionary)
    {
        var obj = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key as string ?? throw new ArgumentException($"Dictionary keys must be strings to become plotly.js JSON; got {entry.Key.GetType().Name}.");
            obj[key] = ToNode(entry.Value);
        }
        return obj;
    }

    private static JsonArray MultiDimensional(Array array, int[] index, int dimension)
    {
        var result = new JsonArray();
        for (var i = 0; i < array.GetLength(dimension); i++)
        {
            index[dimension] = i;
            result.Add(dimension == array.Rank - 1 ? ToNode(array.GetValue(index)) : MultiDimensional(array, index, dimension + 1));
        }
        return result;
    }

    /// <summary>Anonymous objects and records: <c>new { showgrid = false }</c> becomes <c>{"showgrid":false}</c>.</summary>
    private static JsonObject ObjectProperties(object value)
    {
        var obj = new JsonObject();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            obj[property.Name] = ToNode(property.GetValue(value));
        }
        return obj;
    }

    /// <summary>
    /// Returns a copy of <paramref name="root"/> with the attribute at <paramref name="path"/> set to
    /// <paramref name="value"/>; <c>null</c> removes it. Missing objects and arrays on the way are created.
    /// </summary>
    internal static JsonObject With(JsonObject root, string path, object? value)
    {
        var copy = (JsonObject)root.DeepClone();
        Set(copy, path, ToNode(value));
        return copy;
    }

    /// <summary>Sets (or with <c>null</c> removes) the attribute at <paramref name="path"/> in place.</summary>
    internal static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = ParsePath(path);
        JsonNode container = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var next = segments[i + 1].Index is null ? (JsonNode)new JsonObject() : new JsonArray();
            container = Child(container, segments[i], next, path);
        }
        var last = segments[^1];
        switch (container)
        {
            case JsonObject obj when last.Name is not null:
                if (value is null) obj.Remove(last.Name); else obj[last.Name] = value;
                break;
            case JsonArray array when last.Index is int index:
                if (index > array.Count) throw new ArgumentException($"Index {index} in \"{path}\" is past the end of an array of {array.Count}.", nameof(path));
                if (index == array.Count) array.Add(value); else array[index] = value;
                break;
            default:
                throw new ArgumentException($"\"{path}\" does not match the shape of the JSON (an object where an array was expected, or the reverse).", nameof(path));
        }
    }

    /// <summary>Sets each (path, value) pair whose value is not null, in order; null means "leave as it is".</summary>
    internal static void SetAll(JsonObject root, IEnumerable<(string Path, object? Value)> attributes)
    {
        foreach (var (path, value) in attributes)
            if (value is not null) Set(root, path, ToNode(value));
    }

    /// <summary>The node at <paramref name="path"/>, or <c>null</c> when any part of the path is missing.</summary>
    internal static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in ParsePath(path))
        {
            node = (node, segment) switch
            {
                (JsonObject obj, { Name: { } name }) => obj[name],
                (JsonArray array, { Index: int index }) when index < array.Count => array[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static JsonNode Child(JsonNode container, PathSegment segment, JsonNode created, string path)
    {
        switch (container)
        {
            case JsonObject obj when segment.Name is not null:
                if (obj[segment.Name] is { } existing) return existing;
                obj[segment.Name] = created;
                return created;
            case JsonArray array when segment.Index is int index:
                if (index < array.Count && array[index] is { } item) return item;
                if (index > array.Count) throw new ArgumentException($"Index {index} in \"{path}\" is past the end of an array of {array.Count}.", nameof(path));
                if (index == array.Count) array.Add(created); else array[index] = created;
                return created;
            default:
                throw new ArgumentException($"\"{path}\" does not match the shape of the JSON (an object where an array was expected, or the reverse).", nameof(path));
        }
    }

    /// <summary>One step of a path: a property name, or an array index written <c>[n]</c>.</summary>
    private readonly record struct PathSegment(string? Name, int? Index);

    private static List<PathSegment> ParsePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = new List<PathSegment>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0) segments.Add(new PathSegment(name, null));
            else if (bracket != 0) throw new ArgumentException($"Empty name in plotly path \"{path}\".", nameof(path));
            var rest = bracket < 0 ? "" : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']');
                if (rest[0] != '[' || close < 0 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw new ArgumentException($"Bad array index in plotly path \"{path}\" (write items[0].name).", nameof(path));
                segments.Add(new PathSegment(null, index));
                rest = rest[(close + 1)..];
            }
        }
        return segments;
    }
}

/// <summary>A value that knows its own plotly.js JSON form (colour scales, value columns).</summary>
internal interface IPlotlyValue
{
    /// <summary>A fresh JSON node for this value.</summary>
    JsonNode? ToJsonNode();
}

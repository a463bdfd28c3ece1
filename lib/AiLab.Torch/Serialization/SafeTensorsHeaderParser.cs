using System.Text;
using System.Text.Json;

namespace AiLab.Torch.Serialization;

/// <summary>
/// Parses and validates a safetensors header strictly: valid UTF-8 JSON object, no duplicate keys, known dtypes,
/// exactly the fields <c>dtype</c>, <c>shape</c> and <c>data_offsets</c>, and byte ranges that tile the data
/// section exactly (start at 0, no overlap, no gap, sizes matching dtype × shape, ending at the end of the file).
/// Every problem is an <see cref="InvalidDataException"/> naming the source and the offending tensor.
/// </summary>
internal static class SafeTensorsHeaderParser
{
    internal const string MetadataKey = "__metadata__";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="json">The header bytes (after the 8-byte length).</param>
    /// <param name="dataStart">File offset of the data section (8 + header length).</param>
    /// <param name="dataLength">Bytes in the data section (file length − 8 − header length).</param>
    /// <param name="source">The file name, for messages.</param>
    internal static SafeTensorsHeader Parse(ReadOnlySpan<byte> json, long dataStart, long dataLength, string source)
    {
        try
        {
            StrictUtf8.GetCharCount(json);
        }
        catch (DecoderFallbackException)
        {
            throw Error(source, "the header is not valid UTF-8");
        }
        if (json.Length == 0 || json[0] != (byte)'{')
            throw Error(source, "the header does not start with '{' (not a safetensors file?)");

        var tensors = new List<SafeTensorInfo>();
        var metadata = new Dictionary<string, string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read(); // the root '{'
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!keys.Add(key)) throw Error(source, $"the header names '{key}' twice");
                reader.Read();
                if (key == MetadataKey) ReadMetadata(ref reader, metadata, source);
                else tensors.Add(ReadTensor(ref reader, key, source));
            }
            // Only whitespace (the writer's space padding) may follow the root object.
            if (reader.Read()) throw Error(source, $"unexpected {reader.TokenType} after the header object");
        }
        catch (JsonException e)
        {
            throw Error(source, $"the header is not valid JSON ({e.Message})", e);
        }

        CheckLayout(tensors, dataLength, source);
        return new SafeTensorsHeader(tensors, metadata, dataStart);
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, Dictionary<string, string> metadata, string source)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(source, $"{MetadataKey} must be an object of strings");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
                throw Error(source, $"{MetadataKey} entry '{key}' must be a string, not {reader.TokenType}");
            if (!metadata.TryAdd(key, reader.GetString()!)) throw Error(source, $"{MetadataKey} names '{key}' twice");
        }
    }

    private static SafeTensorInfo ReadTensor(ref Utf8JsonReader reader, string name, string source)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(source, $"tensor '{name}': expected an object, found {reader.TokenType}");
        string? dtypeName = null;
        long[]? shape = null, offsets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            switch (field)
            {
                case "dtype" when dtypeName is null:
                    if (reader.TokenType != JsonTokenType.String) throw Error(source, $"tensor '{name}': dtype must be a string");
                    dtypeName = reader.GetString()!;
                    break;
                case "shape" when shape is null:
                    shape = ReadCounts(ref reader, name, field, source);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadCounts(ref reader, name, field, source);
                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw Error(source, $"tensor '{name}' gives {field} twice");
                default:
                    throw Error(source, $"tensor '{name}' has an unknown field '{field}' (expected dtype, shape, data_offsets)");
            }
        }
        if (dtypeName is null || shape is null || offsets is null)
            throw Error(source, $"tensor '{name}' lacks {(dtypeName is null ? "dtype" : shape is null ? "shape" : "data_offsets")}");
        if (!SafeTensorsDType.TryParse(dtypeName, out var dtype))
            throw Error(source, $"tensor '{name}' has unknown or unsupported dtype '{dtypeName}' (supported: {SafeTensorsDType.Known})");
        if (offsets.Length != 2) throw Error(source, $"tensor '{name}': data_offsets must be [begin, end], got {offsets.Length} numbers");
        return new SafeTensorInfo(name, dtype, shape, offsets[0], offsets[1]);
    }

    /// <summary>An array of non-negative integers (shape or data_offsets).</summary>
    private static long[] ReadCounts(ref Utf8JsonReader reader, string name, string field, string source)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Error(source, $"tensor '{name}': {field} must be an array of integers");
        var values = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
                throw Error(source, $"tensor '{name}': {field} must hold non-negative integers");
            values.Add(value);
        }
        return values.ToArray();
    }

    private static void CheckLayout(List<SafeTensorInfo> tensors, long dataLength, string source)
    {
        foreach (var t in tensors)
        {
            if (t.End < t.Begin) throw Error(source, $"tensor '{t.Name}' has data_offsets [{t.Begin}, {t.End}] that end before they begin");
            long bytes = t.DType.ElementSize();
            try
            {
                foreach (var size in t.Shape) bytes = checked(bytes * size);
            }
            catch (OverflowException)
            {
                throw Error(source, $"tensor '{t.Name}' has shape [{string.Join(", ", t.Shape)}], too large to address");
            }
            if (bytes != t.ByteCount)
                throw Error(source, $"tensor '{t.Name}' of {SafeTensorsDType.Name(t.DType)} [{string.Join(", ", t.Shape)}] needs {bytes} bytes but data_offsets [{t.Begin}, {t.End}] span {t.ByteCount}");
        }
        tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long covered = 0;
        SafeTensorInfo? previous = null;
        foreach (var t in tensors)
        {
            if (t.Begin < covered)
                throw Error(source, $"tensor '{t.Name}' [{t.Begin}, {t.End}) overlaps tensor '{previous!.Name}' [{previous.Begin}, {previous.End})");
            if (t.Begin > covered)
                throw Error(source, $"bytes [{covered}, {t.Begin}) of the data section belong to no tensor (before '{t.Name}')");
            if (t.End > dataLength)
                throw Error(source, $"tensor '{t.Name}' ends at data byte {t.End} but the data section has only {dataLength} bytes (truncated file?)");
            covered = t.End;
            previous = t;
        }
        if (covered != dataLength)
            throw Error(source, $"the data section has {dataLength} bytes but the tensors cover only {covered} (trailing bytes)");
    }

    internal static InvalidDataException Error(string source, string problem, Exception? inner = null) =>
        new($"{source}: {problem}", inner);
}

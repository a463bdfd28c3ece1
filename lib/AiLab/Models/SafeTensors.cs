using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Models;

/// <summary>
/// Reads and writes the safetensors format (huggingface/safetensors) with its <c>__metadata__</c> map — what
/// TorchSharp.PyBridge's <c>save_safetensors</c> does not write. The layout, as the format's README and its Rust
/// implementation define it:
/// <list type="bullet">
/// <item>8 bytes: N, a little-endian u64, the header's length in <b>bytes</b> of UTF-8;</item>
/// <item>N bytes: a JSON object; each tensor name maps to <c>{"dtype", "shape", "data_offsets": [begin, end]}</c>, and the
/// optional key <c>__metadata__</c> maps to a string → string object; the writer pads it with spaces to a multiple of 8
/// bytes, so every tensor's data starts aligned;</item>
/// <item>the rest: the byte buffer, each tensor's elements row-major and little-endian, at its data offsets (relative to
/// the buffer's start), contiguous from 0 to the end of the file.</item>
/// </list>
/// The writer groups tensors by element size as the reference implementation does (larger first, then by name), puts
/// <c>__metadata__</c> first, and writes compact JSON with non-ASCII text as raw UTF-8 (as serde_json does), escaping only
/// quotes, backslashes and control characters.
/// </summary>
public static class SafeTensors
{
    /// <summary>The largest header the reference implementation accepts (100 MB); larger ones are refused as unsafe.</summary>
    public const long MaxHeaderLength = 100_000_000;

    private const string MetadataKey = "__metadata__";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="module"/>'s <c>state_dict</c> (parameters and buffers) with <paramref name="metadata"/> to <paramref name="path"/>.</summary>
    /// <param name="module">The model; its state_dict names become the tensor names, as PyTorch's and PyBridge's loaders expect.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="metadata">Free-form string → string pairs (version, schema, checksums, metrics…); null for none.</param>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        Save(path, module.state_dict(), metadata);
    }

    /// <summary>Writes named tensors with <paramref name="metadata"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="tensors">Name → tensor; names must be unique and not <c>__metadata__</c>.</param>
    /// <param name="metadata">Free-form string → string pairs; null for none.</param>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Serialize(tensors, metadata));
    }

    /// <summary>The bytes of a safetensors file holding <paramref name="tensors"/> and <paramref name="metadata"/>.</summary>
    /// <param name="tensors">Name → tensor (any device; copied to the CPU, made contiguous).</param>
    /// <param name="metadata">Free-form string → string pairs; null for none (no <c>__metadata__</c> key is written).</param>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors stores little-endian data; this writer copies tensor memory as is.");
        var entries = new List<(string Name, string Dtype, long[] Shape, byte[] Data, int ElementSize)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, name);
            if (name == MetadataKey)
                throw new ArgumentException($"'{MetadataKey}' is reserved for the metadata map and cannot name a tensor.", nameof(tensors));
            if (!names.Add(name))
                throw new ArgumentException($"duplicate tensor name '{name}'.", nameof(tensors));
            var (dtype, size) = DtypeOf(tensor.dtype, name);
            using var cpu = tensor.detach().cpu().contiguous();
            entries.Add((name, dtype, cpu.shape, cpu.bytes.ToArray(), size));
        }
        // The reference writer's order: descending alignment, then name — with an 8-aligned header every tensor starts aligned.
        entries.Sort((a, b) => a.ElementSize != b.ElementSize ? b.ElementSize.CompareTo(a.ElementSize) : string.CompareOrdinal(a.Name, b.Name));

        var json = new StringBuilder("{");
        if (metadata is not null)
        {
            AppendString(json, MetadataKey).Append(":{");
            bool first = true;
            foreach (var (key, value) in metadata)
            {
                ArgumentNullException.ThrowIfNull(value, key);
                AppendString(json.Append(first ? "" : ","), key).Append(':');
                AppendString(json, value);
                first = false;
            }
            json.Append('}');
        }
        long offset = 0;
        foreach (var e in entries)
        {
            AppendString(json.Append(json.Length > 1 ? "," : ""), e.Name);
            json.Append(":{\"dtype\":\"").Append(e.Dtype).Append("\",\"shape\":[").AppendJoin(',', e.Shape)
                .Append("],\"data_offsets\":[").Append(offset).Append(',').Append(offset + e.Data.Length).Append("]}");
            offset += e.Data.Length;
        }
        byte[] text = StrictUtf8.GetBytes(json.Append('}').ToString());
        int headerLength = (text.Length + 7) / 8 * 8;   // bytes, not characters; padded with spaces to a multiple of 8
        long total = 8L + headerLength + entries.Sum(e => (long)e.Data.Length);
        var file = new byte[checked((int)total)];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)headerLength);
        text.CopyTo(file, 8);
        file.AsSpan(8 + text.Length, headerLength - text.Length).Fill((byte)' ');
        int position = 8 + headerLength;
        foreach (var e in entries)
        {
            e.Data.CopyTo(file, position);
            position += e.Data.Length;
        }
        return file;
    }

    /// <summary>Reads and validates the header of the safetensors file at <paramref name="path"/> (the tensor data is not loaded).</summary>
    /// <param name="path">A safetensors file.</param>
    /// <exception cref="InvalidDataException">The file breaks the format; the message says where.</exception>
    public static SafeTensorsHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return ReadHeader(stream, stream.Length);
    }

    /// <summary>Reads and validates the header of a safetensors file held in memory.</summary>
    /// <param name="file">The whole file.</param>
    /// <exception cref="InvalidDataException">The bytes break the format; the message says where.</exception>
    public static SafeTensorsHeader ReadHeader(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream(file, writable: false);
        return ReadHeader(stream, file.Length);
    }

    /// <summary>Reads every tensor of a safetensors file (validated as <see cref="ReadHeader(byte[])"/> does) onto the CPU.</summary>
    /// <param name="file">The whole file.</param>
    public static Dictionary<string, Tensor> Load(byte[] file)
    {
        var header = ReadHeader(file);
        long start = 8 + header.HeaderLength;
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var info in header.Tensors)
        {
            var tensor = torch.empty(info.Shape, dtype: ScalarTypeOf(info.Dtype));
            if (info.End > info.Begin)
                tensor.bytes = file.AsSpan(checked((int)(start + info.Begin)), checked((int)(info.End - info.Begin)));
            tensors.Add(info.Name, tensor);
        }
        return tensors;
    }

    /// <summary>Reads every tensor of the safetensors file at <paramref name="path"/> onto the CPU.</summary>
    /// <param name="path">A safetensors file.</param>
    public static Dictionary<string, Tensor> Load(string path) => Load(File.ReadAllBytes(path));

    private static SafeTensorsHeader ReadHeader(Stream stream, long fileLength)
    {
        if (fileLength < 8)
            throw new InvalidDataException($"a safetensors file starts with an 8-byte header length; this one has {fileLength} bytes.");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > MaxHeaderLength)
            throw new InvalidDataException($"header length {n} bytes exceeds the {MaxHeaderLength}-byte limit.");
        if (8 + (long)n > fileLength)
            throw new InvalidDataException($"header length {n} bytes runs past the end of the {fileLength}-byte file.");
        var headerBytes = new byte[n];
        stream.ReadExactly(headerBytes);
        string json;
        try
        {
            json = StrictUtf8.GetString(headerBytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"the {n}-byte header is not valid UTF-8 (a length counted in characters rather than bytes cuts a multi-byte character).", e);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the {n}-byte header is not one JSON object: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"the header must be a JSON object, not {root.ValueKind}.");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var tensors = new List<SafeTensorInfo>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new InvalidDataException($"duplicate key '{property.Name}' in the header.");
                if (property.Name == MetadataKey)
                    ReadMetadata(property.Value, metadata);
                else
                    tensors.Add(ReadTensor(property.Name, property.Value));
            }
            tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long expected = 0;
            foreach (var t in tensors)
            {
                if (t.Begin != expected || t.End < t.Begin)
                    throw new InvalidDataException($"tensor '{t.Name}': data_offsets [{t.Begin}, {t.End}] do not start where the previous tensor ends ({expected}).");
                long bytes = checked(t.Shape.Aggregate(1L, (p, d) => p * d) * ElementSize(t.Dtype));
                if (t.End - t.Begin != bytes)
                    throw new InvalidDataException($"tensor '{t.Name}': {t.Dtype} {ShapeText(t.Shape)} needs {bytes} bytes, data_offsets span {t.End - t.Begin}.");
                expected = t.End;
            }
            long buffer = fileLength - 8 - (long)n;
            if (expected != buffer)
                throw new InvalidDataException($"the tensors cover {expected} bytes of data, the file holds {buffer} after the header.");
            return new SafeTensorsHeader((long)n, metadata, tensors, json);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"'{MetadataKey}' must be an object of strings, not {value.ValueKind}.");
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"metadata '{entry.Name}' must be a string, not {entry.Value.ValueKind}.");
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!))
                throw new InvalidDataException($"duplicate metadata key '{entry.Name}'.");
        }
    }

    private static SafeTensorInfo ReadTensor(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"tensor '{name}': entry must be an object with dtype, shape and data_offsets.");
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"tensor '{name}': missing string 'dtype'.");
        string dtypeName = dtype.GetString()!;
        ElementSize(dtypeName, name);
        long[] shape = Integers(value, "shape", name);
        if (shape.Any(d => d < 0))
            throw new InvalidDataException($"tensor '{name}': negative dimension in shape {ShapeText(shape)}.");
        long[] offsets = Integers(value, "data_offsets", name);
        if (offsets.Length != 2)
            throw new InvalidDataException($"tensor '{name}': data_offsets must be [begin, end], got {offsets.Length} numbers.");
        return new SafeTensorInfo(name, dtypeName, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement value, string key, string name)
    {
        if (!value.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"tensor '{name}': missing array '{key}'.");
        return [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v) && v >= 0
            ? v : throw new InvalidDataException($"tensor '{name}': '{key}' must hold non-negative integers."))];
    }

    /// <summary>A JSON string as serde_json writes it: quotes, backslashes and control characters escaped, all else raw.</summary>
    private static StringBuilder AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                default:
                    if (c < 0x20)
                        json.Append("\\u").Append(((int)c).ToString("x4"));
                    else
                        json.Append(c);
                    break;
            }
        }
        return json.Append('"');
    }

    private static string ShapeText(long[] shape) => $"[{string.Join(", ", shape)}]";

    private static (string Dtype, int Size) DtypeOf(ScalarType type, string name) => type switch
    {
        ScalarType.Float64 => ("F64", 8),
        ScalarType.Int64 => ("I64", 8),
        ScalarType.Float32 => ("F32", 4),
        ScalarType.Int32 => ("I32", 4),
        ScalarType.Float16 => ("F16", 2),
        ScalarType.BFloat16 => ("BF16", 2),
        ScalarType.Int16 => ("I16", 2),
        ScalarType.Int8 => ("I8", 1),
        ScalarType.Byte => ("U8", 1),
        ScalarType.Bool => ("BOOL", 1),
        _ => throw new NotSupportedException($"tensor '{name}': dtype {type} has no safetensors equivalent here."),
    };

    private static ScalarType ScalarTypeOf(string dtype) => dtype switch
    {
        "F64" => ScalarType.Float64,
        "I64" => ScalarType.Int64,
        "F32" => ScalarType.Float32,
        "I32" => ScalarType.Int32,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "I16" => ScalarType.Int16,
        "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw new InvalidDataException($"dtype '{dtype}' is not loadable by TorchSharp."),
    };

    private static int ElementSize(string dtype, string? name = null) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E5M2" or "F8_E4M3" => 1,
        _ => throw new InvalidDataException($"tensor '{name}': unknown dtype '{dtype}'."),
    };
}

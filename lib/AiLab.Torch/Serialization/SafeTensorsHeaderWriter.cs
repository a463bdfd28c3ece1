using System.Globalization;
using System.Text;

namespace AiLab.Torch.Serialization;

/// <summary>
/// Writes a safetensors header the way the reference implementation (serde_json) does, so files are
/// byte-identical to Python's <c>safetensors.torch.save_file</c>: compact JSON, <c>__metadata__</c> first, tensors
/// ordered by descending dtype rank then name, strings escaped like serde_json, spaces padding to 8 bytes.
/// </summary>
internal static class SafeTensorsHeaderWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A tensor about to be written, with the facts the header needs read once.</summary>
    internal sealed record Entry(string Name, byte[] Utf8Name, Tensor Tensor, ScalarType DType, long[] Shape);

    /// <summary>The tensors in the order their bytes are written (the reference writer's order).</summary>
    internal static List<Entry> Order(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        var list = tensors.Select(t => new Entry(t.Key, Utf8(t.Key), t.Value, t.Value.dtype, t.Value.shape)).ToList();
        // serde compares names as UTF-8 bytes; ordinal UTF-16 order differs for characters beyond U+FFFF.
        list.Sort((a, b) =>
        {
            var rank = SafeTensorsDType.Rank(b.DType).CompareTo(SafeTensorsDType.Rank(a.DType));
            return rank != 0 ? rank : a.Utf8Name.AsSpan().SequenceCompareTo(b.Utf8Name);
        });
        return list;
    }

    /// <summary>The padded header bytes for tensors already in <see cref="Order"/>.</summary>
    internal static byte[] Build(IReadOnlyList<Entry> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        if (metadata is { Count: > 0 })
        {
            json.Append('"').Append(SafeTensorsHeaderParser.MetadataKey).Append("\":{");
            // The reference writes a hash map in arbitrary order; sorting makes our output deterministic.
            var first = true;
            foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (!first) json.Append(',');
                first = false;
                AppendString(json, key).Append(':');
                AppendString(json, value ?? throw new ArgumentException($"metadata value of '{key}' is null", nameof(metadata)));
            }
            json.Append('}');
            if (tensors.Count > 0) json.Append(',');
        }
        long offset = 0;
        for (var k = 0; k < tensors.Count; k++)
        {
            var (name, _, _, dtype, shape) = tensors[k];
            var bytes = shape.Aggregate((long)dtype.ElementSize(), (a, b) => checked(a * b));
            if (k > 0) json.Append(',');
            AppendString(json, name).Append(":{\"dtype\":\"").Append(SafeTensorsDType.Name(dtype)).Append("\",\"shape\":[")
                .AppendJoin(',', shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))
                .Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((offset + bytes).ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset += bytes;
        }
        json.Append('}');
        var header = Utf8(json.ToString());
        var padded = new byte[(header.Length + 7) / 8 * 8];
        header.CopyTo(padded, 0);
        padded.AsSpan(header.Length).Fill((byte)' ');
        return padded;
    }

    private static byte[] Utf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"'{text}' is not valid Unicode (a lone surrogate) and cannot be written as UTF-8");
        }
    }

    /// <summary>A JSON string as serde_json writes it: only '"', '\' and control characters are escaped.</summary>
    private static StringBuilder AppendString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"');
    }
}

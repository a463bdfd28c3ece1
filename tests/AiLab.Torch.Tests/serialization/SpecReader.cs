using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace AiLab.Torch.Tests.serialization;

/// <summary>
/// An independent reader of the safetensors spec, written from the README (not from the library's parser), used to
/// check files the library writes. Beyond the spec's rules it asserts what the reference writer guarantees: a header
/// padded with spaces to 8 bytes, no other whitespace, each tensor aligned to its element size.
/// </summary>
internal static class SpecReader
{
    internal sealed record Entry(string DType, long[] Shape, long Begin, long End, byte[] Data);

    private static readonly Dictionary<string, int> ElementSizes = new()
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["I32"] = 4, ["U32"] = 4, ["F32"] = 4, ["F64"] = 8, ["I64"] = 8, ["U64"] = 8,
    };

    internal static (Dictionary<string, Entry> Tensors, Dictionary<string, string> Metadata) Read(byte[] file)
    {
        Assert.True(file.Length >= 8, "file shorter than the length prefix");
        var n = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file));
        Assert.True(n % 8 == 0, $"header length {n} is not a multiple of 8");
        Assert.True(8 + n <= file.Length, "header runs past the end");
        var text = new UTF8Encoding(false, true).GetString(file, 8, n);
        var json = text.TrimEnd(' ');
        Assert.True(text.Length - json.Length < 8, "more padding than needed");
        Assert.StartsWith("{", json);
        Assert.DoesNotContain("\n", json);

        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        var metadata = new Dictionary<string, string>();
        var tensors = new Dictionary<string, Entry>();
        var dataLength = file.Length - 8 - n;
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__")
            {
                foreach (var m in property.Value.EnumerateObject()) metadata.Add(m.Name, m.Value.GetString()!);
                continue;
            }
            var fields = property.Value.EnumerateObject().Select(f => f.Name).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(["data_offsets", "dtype", "shape"], fields);
            var dtype = property.Value.GetProperty("dtype").GetString()!;
            var shape = property.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var offsets = property.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(2, offsets.Length);
            var size = ElementSizes[dtype];
            Assert.Equal(shape.Aggregate((long)size, (a, b) => a * b), offsets[1] - offsets[0]);
            Assert.True(offsets[0] % size == 0, $"{property.Name} is not aligned to {size} bytes");
            Assert.InRange(offsets[1], offsets[0], dataLength);
            tensors.Add(property.Name, new Entry(dtype, shape, offsets[0], offsets[1], file.AsSpan(8 + n + (int)offsets[0], (int)(offsets[1] - offsets[0])).ToArray()));
        }
        // The ranges tile the data section: sorted, they start at 0, touch, and end at the end of the file.
        long covered = 0;
        foreach (var e in tensors.Values.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            Assert.Equal(covered, e.Begin);
            covered = e.End;
        }
        Assert.Equal(dataLength, covered);
        return (tensors, metadata);
    }
}

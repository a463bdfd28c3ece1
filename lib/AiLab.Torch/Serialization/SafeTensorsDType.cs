namespace AiLab.Torch.Serialization;

/// <summary>The safetensors spelling of element types ("F32", "BF16", "BOOL", …) and their order in files.</summary>
internal static class SafeTensorsDType
{
    // (spelling, element type, rank in the reference implementation's Dtype enum). The reference writer
    // orders tensors by descending rank, then by name, which keeps every tensor aligned to its element size;
    // we follow it so our files are byte-identical to Python's safetensors for the same tensors.
    private static readonly (string Name, ScalarType Type, int Rank)[] Table =
    [
        ("BOOL", ScalarType.Bool, 0),
        ("U8", ScalarType.Byte, 1),
        ("I8", ScalarType.Int8, 2),
        ("I16", ScalarType.Int16, 5),
        ("F16", ScalarType.Float16, 7),
        ("BF16", ScalarType.BFloat16, 8),
        ("I32", ScalarType.Int32, 9),
        ("F32", ScalarType.Float32, 11),
        ("F64", ScalarType.Float64, 12),
        ("I64", ScalarType.Int64, 13),
    ];

    /// <summary>The spellings this library reads and writes, for error messages.</summary>
    internal static string Known => string.Join(", ", Table.Select(t => t.Name));

    internal static bool TryParse(string name, out ScalarType type)
    {
        foreach (var t in Table)
            if (t.Name == name) { type = t.Type; return true; }
        type = default;
        return false;
    }

    internal static string Name(ScalarType type) => Entry(type).Name;

    internal static int Rank(ScalarType type) => Entry(type).Rank;

    private static (string Name, ScalarType Type, int Rank) Entry(ScalarType type)
    {
        foreach (var t in Table)
            if (t.Type == type) return t;
        throw new NotSupportedException($"safetensors has no element type for {type.ToTorchString()}");
    }
}

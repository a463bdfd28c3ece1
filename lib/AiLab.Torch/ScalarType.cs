namespace AiLab.Torch;

/// <summary>Element types, numbered like c10::ScalarType.</summary>
public enum ScalarType : sbyte
{
    /// <summary>8-bit unsigned integer (<c>torch.uint8</c>).</summary>
    Byte = 0,
    /// <summary>8-bit signed integer (<c>torch.int8</c>).</summary>
    Int8 = 1,
    /// <summary>16-bit signed integer (<c>torch.int16</c>).</summary>
    Int16 = 2,
    /// <summary>32-bit signed integer (<c>torch.int32</c>).</summary>
    Int32 = 3,
    /// <summary>64-bit signed integer (<c>torch.int64</c>, PyTorch's default integer type).</summary>
    Int64 = 4,
    /// <summary>IEEE half precision (<c>torch.float16</c>).</summary>
    Float16 = 5,
    /// <summary>32-bit float (<c>torch.float32</c>, the default floating type).</summary>
    Float32 = 6,
    /// <summary>64-bit float (<c>torch.float64</c>).</summary>
    Float64 = 7,
    /// <summary>Boolean (<c>torch.bool</c>).</summary>
    Bool = 11,
    /// <summary>Brain floating point (<c>torch.bfloat16</c>): float32's range with 8 bits of mantissa.</summary>
    BFloat16 = 15,
}

/// <summary>Facts about element types.</summary>
public static class ScalarTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported element type"),
    };

    /// <summary>True for float16, bfloat16, float32 and float64.</summary>
    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    /// <summary>PyTorch's spelling, e.g. <c>torch.float32</c>.</summary>
    public static string ToTorchString(this ScalarType type) => "torch." + type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The element type that holds values of the .NET type <typeparamref name="T"/>.</summary>
    internal static ScalarType Of<T>() => typeof(T) switch
    {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(short) => ScalarType.Int16,
        var t when t == typeof(byte) => ScalarType.Byte,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(bool) => ScalarType.Bool,
        var t when t == typeof(Half) => ScalarType.Float16,
        var t when t == typeof(BFloat16) => ScalarType.BFloat16,
        var t => throw new NotSupportedException($"no tensor element type for {t.Name}"),
    };
}

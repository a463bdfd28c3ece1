namespace AiLab.Torch;

/// <summary>
/// A convolution's <c>padding</c>: an int or a tuple of ints (zeros added on both sides of each spatial
/// dimension), or the string <c>"valid"</c> (no padding) or <c>"same"</c> (output as large as the input; stride 1 only).
/// </summary>
public readonly struct ConvPadding
{
    private ConvPadding(IntOrTuple sizes, string? mode)
    {
        Sizes = sizes;
        Mode = mode;
    }

    /// <summary>The padding sizes when <see cref="Mode"/> is null.</summary>
    public IntOrTuple Sizes { get; }

    /// <summary><c>"valid"</c> or <c>"same"</c>, or null for explicit <see cref="Sizes"/>.</summary>
    public string? Mode { get; }

    /// <summary>The same padding in every dimension.</summary>
    public static implicit operator ConvPadding(long value) => new(value, null);
    /// <summary>One padding per dimension (2-D).</summary>
    public static implicit operator ConvPadding((long, long) values) => new(values, null);
    /// <summary>One padding per dimension.</summary>
    public static implicit operator ConvPadding(long[] values) => new(values, null);
    /// <summary>Explicit sizes.</summary>
    public static implicit operator ConvPadding(IntOrTuple sizes) => new(sizes, null);
    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public static implicit operator ConvPadding(string mode) => mode is "valid" or "same"
        ? new(0, mode)
        : throw new ArgumentException($"Invalid padding string '{mode}', should be one of 'valid', 'same'", "padding");

    /// <summary>Python's spelling: <c>same</c>, <c>1</c>, <c>(1, 2)</c>.</summary>
    public override string ToString() => Mode ?? Sizes.ToString();
}

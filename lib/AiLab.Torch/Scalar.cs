using System.Globalization;

namespace AiLab.Torch;

/// <summary>A number passed to an operator (<c>at::Scalar</c>): keeps whether it is integral, boolean or
/// floating, because that decides the result's dtype (<c>int_tensor + 1</c> stays integral).</summary>
public readonly struct Scalar
{
    internal Scalar(long integer, double floating, ScalarKind kind)
    {
        Integer = integer;
        Floating = floating;
        Kind = kind;
    }

    internal long Integer { get; }
    internal double Floating { get; }
    internal ScalarKind Kind { get; }

    /// <summary>From an integer.</summary>
    public static implicit operator Scalar(int value) => new(value, value, ScalarKind.Integral);
    /// <summary>From an integer.</summary>
    public static implicit operator Scalar(long value) => new(value, value, ScalarKind.Integral);
    /// <summary>From a float.</summary>
    public static implicit operator Scalar(float value) => new(0, value, ScalarKind.Floating);
    /// <summary>From a double.</summary>
    public static implicit operator Scalar(double value) => new(0, value, ScalarKind.Floating);
    /// <summary>From a bool.</summary>
    public static implicit operator Scalar(bool value) => new(value ? 1 : 0, value ? 1 : 0, ScalarKind.Boolean);

    /// <summary>The value as a double.</summary>
    public double ToDouble() => Kind == ScalarKind.Floating ? Floating : Integer;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ScalarKind.Floating => Floating.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Boolean => Integer != 0 ? "True" : "False",
        _ => Integer.ToString(CultureInfo.InvariantCulture),
    };
}

internal enum ScalarKind : byte
{
    Integral,
    Floating,
    Boolean,
}

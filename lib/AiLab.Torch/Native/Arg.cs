namespace AiLab.Torch.Native;

/// <summary>
/// One operator argument on the managed side. Implicit conversions let typed wrappers pass C# values
/// straight through: <c>Op.Call(self, other, alpha)</c>. A null <see cref="Tensor"/> is None; a null
/// number or <see cref="Default"/> takes the schema's default (None for optional arguments).
/// </summary>
internal readonly struct Arg
{
    private Arg(ArgKind kind, long integer = 0, double floating = 0, object? reference = null)
    {
        Kind = kind;
        Integer = integer;
        Floating = floating;
        Reference = reference;
    }

    internal ArgKind Kind { get; }
    internal long Integer { get; }
    internal double Floating { get; }
    internal object? Reference { get; }

    internal static Arg None => new(ArgKind.None);
    internal static Arg Default => new(ArgKind.Default);

    public static implicit operator Arg(Tensor? tensor) => tensor is null ? None : new(ArgKind.Tensor, reference: tensor);
    public static implicit operator Arg(long value) => new(ArgKind.Int, value);
    public static implicit operator Arg(int value) => new(ArgKind.Int, value);
    public static implicit operator Arg(double value) => new(ArgKind.Double, floating: value);
    public static implicit operator Arg(bool value) => new(ArgKind.Bool, value ? 1 : 0);
    public static implicit operator Arg(long? value) => value is { } v ? v : Default;
    public static implicit operator Arg(int? value) => value is { } v ? v : Default;
    public static implicit operator Arg(double? value) => value is { } v ? v : Default;
    public static implicit operator Arg(bool? value) => value is { } v ? v : Default;
    public static implicit operator Arg(Scalar value) => value.Kind switch
    {
        ScalarKind.Floating => new(ArgKind.Double, floating: value.Floating),
        ScalarKind.Boolean => new(ArgKind.Bool, value.Integer),
        _ => new(ArgKind.Int, value.Integer),
    };
    public static implicit operator Arg(Scalar? value) => value is { } v ? v : Default;
    public static implicit operator Arg(ScalarType value) => new(ArgKind.ScalarType, (long)value);
    public static implicit operator Arg(ScalarType? value) => value is { } v ? v : Default;
    public static implicit operator Arg(Device? device) => device is null ? Default : new(ArgKind.Device, (long)device.type, reference: device);
    public static implicit operator Arg(long[]? values) => values is null ? Default : new(ArgKind.IntList, reference: values);
    public static implicit operator Arg(double[]? values) => values is null ? Default : new(ArgKind.DoubleList, reference: values);
    public static implicit operator Arg(bool[]? values) => values is null ? Default : new(ArgKind.BoolList, reference: values);
    public static implicit operator Arg(Tensor[] tensors) => new(ArgKind.TensorList, reference: tensors);
    public static implicit operator Arg(string? text) => text is null ? Default : new(ArgKind.String, reference: text);

    /// <summary>A <c>Tensor?[]</c> argument (<c>aten::index</c>): null entries are None.</summary>
    internal static Arg OptionalTensors(Tensor?[] tensors) => new(ArgKind.OptionalTensorList, reference: tensors);
}

using AiLab.Torch.Native;

namespace AiLab.Torch;

// Creation ops: https://pytorch.org/docs/stable/torch.html#creation-ops
public static partial class torch
{
    private static readonly Op s_zeros = new("aten::zeros");
    private static readonly Op s_ones = new("aten::ones");
    private static readonly Op s_empty = new("aten::empty", "memory_format");
    private static readonly Op s_full = new("aten::full");
    private static readonly Op s_arange = new("aten::arange", "start_step");
    private static readonly Op s_linspace = new("aten::linspace");
    private static readonly Op s_eye = new("aten::eye", "m");
    private static readonly Op s_rand = new("aten::rand");
    private static readonly Op s_randn = new("aten::randn");
    private static readonly Op s_randint = new("aten::randint", "low");
    private static readonly Op s_randperm = new("aten::randperm");
    private static readonly Op s_zeros_like = new("aten::zeros_like");
    private static readonly Op s_ones_like = new("aten::ones_like");
    private static readonly Op s_empty_like = new("aten::empty_like");
    private static readonly Op s_full_like = new("aten::full_like");
    private static readonly Op s_rand_like = new("aten::rand_like");
    private static readonly Op s_randn_like = new("aten::randn_like");
    private static readonly Op s_randint_like = new("aten::randint_like", "low_dtype");

    /// <summary>A 1-D tensor copied from <paramref name="data"/>, or reshaped to <paramref name="shape"/>.
    /// The dtype follows the element type (double → float64) unless <paramref name="dtype"/> is given.</summary>
    public static Tensor tensor<T>(T[] data, long[]? shape = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        shape ??= [data.Length];
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements but data has {data.Length}", nameof(shape));
        return Finish(Tensor.FromArray(data, shape, ScalarTypeExtensions.Of<T>(), device), dtype, requires_grad);
    }

    /// <summary>A 2-D tensor copied from a rectangular array.</summary>
    public static Tensor tensor<T>(T[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromRectangular<T>(data, dtype, device, requires_grad);

    /// <summary>A 3-D tensor copied from a rectangular array.</summary>
    public static Tensor tensor<T>(T[,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromRectangular<T>(data, dtype, device, requires_grad);

    /// <summary>A 4-D tensor copied from a rectangular array (e.g. N×C×H×W images).</summary>
    public static Tensor tensor<T>(T[,,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromRectangular<T>(data, dtype, device, requires_grad);

    /// <summary>A 0-D tensor holding one value.</summary>
    public static Tensor tensor<T>(T value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        Finish(Tensor.FromArray(new[] { value }, [], ScalarTypeExtensions.Of<T>(), device), dtype, requires_grad);

    /// <summary>Alias of <see cref="tensor{T}(T[], long[], ScalarType?, Device?, bool)"/> (TorchSharp's name).</summary>
    public static Tensor from_array<T>(T[] data, long[]? shape = null) where T : unmanaged => tensor(data, shape);

    private static Tensor FromRectangular<T>(Array data, ScalarType? dtype, Device? device, bool requires_grad) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var shape = Enumerable.Range(0, data.Rank).Select(d => (long)data.GetLength(d)).ToArray();
        return Finish(Tensor.FromArray(data, shape, ScalarTypeExtensions.Of<T>(), device), dtype, requires_grad);
    }

    private static Tensor Finish(Tensor t, ScalarType? dtype, bool requires_grad)
    {
        if (dtype is { } d && d != t.dtype)
        {
            var converted = t.to(d);
            t.Dispose();
            t = converted;
        }
        return requires_grad ? t.requires_grad_() : t;
    }

    private static Tensor RequiresGrad(Tensor t, bool requires_grad) => requires_grad ? t.requires_grad_() : t;

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(params long[] size) => zeros(size, dtype: null);
    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_zeros.Call(size, dtype, Arg.Default, device), requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(params long[] size) => ones(size, dtype: null);
    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_ones.Call(size, dtype, Arg.Default, device), requires_grad);

    /// <summary>An uninitialized tensor.</summary>
    public static Tensor empty(params long[] size) => empty(size, dtype: null);
    /// <summary>An uninitialized tensor.</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_empty.Call(size, dtype, Arg.Default, device), requires_grad);

    /// <summary>A tensor filled with <paramref name="fill_value"/> (dtype inferred from it unless given).</summary>
    public static Tensor full(long[] size, Scalar fill_value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_full.Call(size, fill_value, dtype, Arg.Default, device), requires_grad);

    /// <summary>Values from 0 to <paramref name="end"/> (exclusive).</summary>
    public static Tensor arange(Scalar end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, end, 1, dtype, device, requires_grad);

    /// <summary>Values from <paramref name="start"/> to <paramref name="end"/> (exclusive) in steps; integral when all three are integers.</summary>
    public static Tensor arange(Scalar start, Scalar end, Scalar? step = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_arange.Call(start, end, step, dtype, Arg.Default, device), requires_grad);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end (inclusive).</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_linspace.Call(start, end, steps, dtype, Arg.Default, device), requires_grad);

    /// <summary>An identity matrix with <paramref name="n"/> rows and <paramref name="m"/> columns (default n).</summary>
    public static Tensor eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_eye.Call(n, m ?? n, dtype, Arg.Default, device), requires_grad);

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(params long[] size) => rand(size, dtype: null);
    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_rand.Call(size, dtype, Arg.Default, device), requires_grad);

    /// <summary>Standard normal samples.</summary>
    public static Tensor randn(params long[] size) => randn(size, dtype: null);
    /// <summary>Standard normal samples.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_randn.Call(size, dtype, Arg.Default, device), requires_grad);

    /// <summary>Uniform integers in [0, <paramref name="high"/>) (int64 by default).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) =>
        randint(0, high, size, dtype, device);

    /// <summary>Uniform integers in [<paramref name="low"/>, <paramref name="high"/>) (int64 by default).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null) =>
        s_randint.Call(low, high, size, dtype ?? int64, Arg.Default, device);

    /// <summary>A random permutation of 0 … n−1 (int64).</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null) =>
        s_randperm.Call(n, dtype ?? int64, Arg.Default, device);

    /// <summary>Zeros with the shape (and by default dtype and device) of <paramref name="input"/>.</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_zeros_like.Call(input, dtype, Arg.Default, device), requires_grad);
    /// <summary>Ones with the shape of <paramref name="input"/>.</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_ones_like.Call(input, dtype, Arg.Default, device), requires_grad);
    /// <summary>An uninitialized tensor with the shape of <paramref name="input"/>.</summary>
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_empty_like.Call(input, dtype, Arg.Default, device), requires_grad);
    /// <summary>A constant tensor with the shape of <paramref name="input"/>.</summary>
    public static Tensor full_like(Tensor input, Scalar fill_value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_full_like.Call(input, fill_value, dtype, Arg.Default, device), requires_grad);
    /// <summary>Uniform samples in [0, 1) with the shape of <paramref name="input"/>.</summary>
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_rand_like.Call(input, dtype, Arg.Default, device), requires_grad);
    /// <summary>Standard normal samples with the shape of <paramref name="input"/>.</summary>
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RequiresGrad(s_randn_like.Call(input, dtype, Arg.Default, device), requires_grad);
    /// <summary>Uniform integers in [low, high) with the shape of <paramref name="input"/>.</summary>
    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, Device? device = null) =>
        s_randint_like.Call(input, low, high, dtype, Arg.Default, device);
}

using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Metrics;

/// <summary>
/// Copies tensors into the plain arrays the metrics take (detached, on the CPU, converted to the needed element type),
/// checking shapes so that, e.g., an (n, 2) probability matrix is not silently read as a length-2n score vector.
/// </summary>
internal static class TensorArrays
{
    /// <summary>A vector of n values: shape (n) or (n, 1).</summary>
    public static double[] Vector(Tensor tensor, string name)
    {
        RequireVector(tensor, name);
        return Elements<double>(tensor, ScalarType.Float64);
    }

    /// <summary>Integer labels of shape (n) or (n, 1): integer or bool tensors, or floating tensors holding whole numbers (0./1. targets).</summary>
    public static int[] Labels(Tensor tensor, string name)
    {
        RequireVector(tensor, name);
        if (!tensor.is_floating_point())
            return Elements<int>(tensor, ScalarType.Int32);
        double[] values = Elements<double>(tensor, ScalarType.Float64);
        for (int i = 0; i < values.Length; i++)
            if (values[i] != Math.Floor(values[i]) || Math.Abs(values[i]) > int.MaxValue)
                throw new ArgumentException($"must hold integer labels, but element {i} is {values[i]}.", name);
        return [.. values.Select(v => (int)v)];
    }

    /// <summary>A 2-D tensor as a rectangular array.</summary>
    public static double[,] Matrix(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dim() != 2)
            throw new ArgumentException($"must be 2-D, but has shape [{string.Join(", ", tensor.shape)}].", name);
        // data<T>() reads the tensor's own memory and needs its exact element type: read a CPU float64 copy.
        using var converted = tensor.detach().to(ScalarType.Float64, CPU);
        return (double[,])converted.data<double>().ToNDArray();
    }

    /// <summary>A multilabel indicator matrix, shape (n, labels), every element 0 or 1 (any numeric or bool dtype).</summary>
    public static int[,] IndicatorMatrix(Tensor tensor, string name)
    {
        double[,] values = Matrix(tensor, name);
        var indicators = new int[values.GetLength(0), values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++)
                indicators[i, j] = values[i, j] switch
                {
                    0 => 0,
                    1 => 1,
                    var v => throw new ArgumentException($"must be a 0/1 indicator matrix, but element [{i}, {j}] is {v}.", name),
                };
        return indicators;
    }

    /// <summary>A binary mask of any shape, flattened; nonzero is true.</summary>
    public static bool[] Mask(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        return Elements<bool>(tensor, ScalarType.Bool);
    }

    /// <summary>Whether the tensor is 1-D (or (n, 1)) rather than a matrix; throws for other shapes.</summary>
    public static bool IsVector(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        long[] shape = tensor.shape;
        return shape.Length switch
        {
            1 => true,
            2 => shape[1] == 1,
            _ => throw new ArgumentException($"must be 1-D or 2-D, but has shape [{string.Join(", ", shape)}].", name),
        };
    }

    private static void RequireVector(Tensor tensor, string name)
    {
        if (!IsVector(tensor, name))
            throw new ArgumentException($"must have shape (n) or (n, 1), but has shape [{string.Join(", ", tensor.shape)}].", name);
    }

    /// <summary>Every element, flattened in row-major order, as <typeparamref name="T"/> (a CPU copy of <paramref name="dtype"/>).</summary>
    public static T[] Elements<T>(Tensor tensor, ScalarType dtype) where T : unmanaged
    {
        // data<T>() is a live view of the tensor's own memory and needs its exact element type: read a CPU copy.
        using var converted = tensor.detach().to(dtype, CPU);
        return converted.data<T>().ToArray();
    }
}

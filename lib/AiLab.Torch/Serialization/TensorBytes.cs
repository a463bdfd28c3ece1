using System.Runtime.InteropServices;
using AiLab.Torch.Native;

namespace AiLab.Torch.Serialization;

/// <summary>Moves a tensor's raw elements (row-major, little-endian) between libtorch and .NET byte buffers.</summary>
internal static unsafe class TensorBytes
{
    /// <summary>Copies all of <paramref name="tensor"/>'s elements (any device, any strides) into <paramref name="destination"/>,
    /// which must hold exactly its byte count.</summary>
    internal static void CopyTo(Tensor tensor, Span<byte> destination)
    {
        fixed (byte* p = destination)
            NativeMethods.Check(NativeMethods.ailab_tensor_copy_to(tensor.Handle, p, destination.Length), "safetensors write");
        GC.KeepAlive(tensor);
    }

    /// <summary>A new CPU tensor holding a copy of <paramref name="source"/>.</summary>
    internal static Tensor From(ReadOnlySpan<byte> source, ScalarType dtype, ReadOnlySpan<long> shape) =>
        Tensor.FromMemory(ref MemoryMarshal.GetReference(source), source.Length, dtype, shape, null);
}

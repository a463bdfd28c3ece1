using AiLab.Torch.Native;

namespace AiLab.Torch;

/// <summary>
/// A multi-dimensional array on a device, with autograd: a handle to a libtorch <c>at::Tensor</c>.
/// Operations are methods named like PyTorch's (<c>x.matmul(w)</c>, <c>x.sum(dim: 1, keepdim: true)</c>),
/// grouped in partial files named after the sections of the PyTorch docs.
/// Dispose tensors (or create them inside <see cref="torch.NewDisposeScope"/>) to free native memory promptly.
/// </summary>
public partial class Tensor : IDisposable
{
    // Owns the native tensor; null once disposed. The slot, not the tensor, is finalizable (NativeTensorSlot says why).
    private NativeTensorSlot? _slot;
    internal DisposeScope? OwningScope;
    internal int ScopeSlot;

    // Not sealed only for Parameter; the internal constructor keeps other subclasses out.
    internal Tensor(IntPtr handle, long nbytes)
    {
        _slot = NativeTensorSlot.Rent(handle, nbytes);
        DisposeScope.Current?.Attach(this);
    }

    /// <summary>The native handle; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    internal IntPtr Handle
    {
        get
        {
            var slot = _slot;
            ObjectDisposedException.ThrowIf(slot is null, this);
            return slot.Native;
        }
    }

    /// <summary>True once <see cref="Dispose"/> ran.</summary>
    public bool IsDisposed => _slot is null;

    /// <summary>Tensors created and not yet disposed or finalized, process-wide (for leak checks).</summary>
    public static long LiveCount => NativeTensorSlot.LiveCount;

    /// <summary>Frees this reference to the native tensor now (storage is freed when no view or graph uses it).</summary>
    public void Dispose()
    {
        OwningScope?.Forget(this);
        OwningScope = null;
        Interlocked.Exchange(ref _slot, null)?.Return();
    }

    private NativeTensorInfo Info()
    {
        NativeMethods.Check(NativeMethods.ailab_tensor_info_get(Handle, out var info), "tensor metadata");
        GC.KeepAlive(this);
        return info;
    }

    /// <summary>The element type.</summary>
    public ScalarType dtype => (ScalarType)Info().DType;

    /// <summary>The device holding the data.</summary>
    public Device device
    {
        get
        {
            var info = Info();
            return info.DeviceType == (int)DeviceType.CPU ? Device.CPU : new Device((DeviceType)info.DeviceType, info.DeviceIndex);
        }
    }

    /// <summary>The device kind (<c>x.device.type</c>).</summary>
    public DeviceType device_type => (DeviceType)Info().DeviceType;

    /// <summary>Number of dimensions.</summary>
    public long dim() => Info().Dim;

    /// <summary>Number of dimensions (<c>x.ndim</c>).</summary>
    public long ndim => dim();

    /// <summary>Number of elements.</summary>
    public long numel() => Info().Numel;

    /// <summary>Bytes per element.</summary>
    public long element_size() => Info().ElementSize;

    /// <summary>The sizes of every dimension (<c>x.shape</c>).</summary>
    public unsafe long[] shape
    {
        get
        {
            var dims = (int)dim();
            var sizes = new long[dims];
            fixed (long* p = sizes) NativeMethods.Check(NativeMethods.ailab_tensor_sizes(Handle, p, dims), "tensor sizes");
            GC.KeepAlive(this);
            return sizes;
        }
    }

    /// <summary>The sizes of every dimension (<c>x.size()</c>).</summary>
    public long[] size() => shape;

    /// <summary>The size of one dimension; negative dims count from the end.</summary>
    public long size(long dim)
    {
        var sizes = shape;
        return sizes[NormalizeDim(dim, sizes.Length)];
    }

    /// <summary>Elements to skip in storage to move one step along each dimension.</summary>
    public unsafe long[] stride()
    {
        var dims = (int)dim();
        var strides = new long[dims];
        fixed (long* p = strides) NativeMethods.Check(NativeMethods.ailab_tensor_strides(Handle, p, dims), "tensor strides");
        GC.KeepAlive(this);
        return strides;
    }

    /// <summary>True when autograd records operations on this tensor.</summary>
    public bool requires_grad
    {
        get => Info().RequiresGrad != 0;
        set => requires_grad_(value);
    }

    /// <summary>True for tensors created by the user (not by an operation that autograd records).</summary>
    public bool is_leaf => Info().IsLeaf != 0;

    /// <summary>True for float16, bfloat16, float32 and float64 tensors.</summary>
    public bool is_floating_point() => dtype.IsFloatingPoint();

    /// <summary>True when the tensor is on a CUDA device.</summary>
    public bool is_cuda => device_type == DeviceType.CUDA;

    internal static int NormalizeDim(long dim, int ndim)
    {
        var d = dim < 0 ? dim + ndim : dim;
        if (d < 0 || d >= Math.Max(ndim, 1))
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"dimension out of range (expected to be in range of [{-Math.Max(ndim, 1)}, {Math.Max(ndim, 1) - 1}])");
        return (int)d;
    }

    /// <summary>PyTorch's print format: the values for tensors up to 1000 elements, summarized beyond.</summary>
    public override string ToString() => IsDisposed ? "tensor(<disposed>)" : TensorFormatter.Format(this);
}

using System.Runtime.InteropServices;
using AiLab.Torch.Native;

namespace AiLab.Torch;

public partial class Tensor
{
    private static readonly Op s_to_dtype = new("aten::to", "dtype");
    private static readonly Op s_to_device = new("aten::to", "device");
    private static readonly Op s_item = new("aten::item");

    /// <summary>Converts to another element type (a new tensor; this one if already of that type).</summary>
    public Tensor to(ScalarType dtype, bool non_blocking = false, bool copy = false) =>
        s_to_dtype.Call(this, dtype, non_blocking, copy);

    /// <summary>Moves to a device (this tensor's data is copied; a new handle even if already there).</summary>
    public Tensor to(Device device, ScalarType? dtype = null, bool non_blocking = false, bool copy = false) =>
        s_to_device.Call(this, device, dtype ?? this.dtype, non_blocking, copy);

    /// <summary>Moves to a device given as text: <c>x.to("cuda")</c>.</summary>
    public Tensor to(string device) => to(Device.Parse(device));

    /// <summary>A copy on the CPU.</summary>
    public Tensor cpu() => to(Device.CPU);

    /// <summary>A copy on a CUDA device.</summary>
    public Tensor cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

    /// <summary>Converts to float32.</summary>
    public Tensor @float() => to(ScalarType.Float32);
    /// <summary>Converts to float64.</summary>
    public Tensor @double() => to(ScalarType.Float64);
    /// <summary>Converts to float16.</summary>
    public Tensor half() => to(ScalarType.Float16);
    /// <summary>Converts to bfloat16.</summary>
    public Tensor bfloat16() => to(ScalarType.BFloat16);
    /// <summary>Converts to int64.</summary>
    public Tensor @long() => to(ScalarType.Int64);
    /// <summary>Converts to int32.</summary>
    public Tensor @int() => to(ScalarType.Int32);
    /// <summary>Converts to bool.</summary>
    public Tensor @bool() => to(ScalarType.Bool);
    /// <summary>Converts to uint8.</summary>
    public Tensor @byte() => to(ScalarType.Byte);

    /// <summary>
    /// The elements in row-major order, copied to .NET memory. <typeparamref name="T"/> must match the
    /// dtype exactly (use <see cref="to(ScalarType, bool, bool)"/> first to convert).
    /// </summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        var info = InfoFor<T>(expected);
        var result = new T[info.Numel];
        fixed (T* p = result)
            NativeMethods.Check(NativeMethods.ailab_tensor_copy_to(Handle, p, info.Numel * sizeof(T)), "ToArray");
        GC.KeepAlive(this);
        return result;
    }

    /// <summary>The elements as a read-only copy (TorchSharp's <c>data&lt;T&gt;()</c>); call <c>ToArray()</c> on it for an array.</summary>
    public ReadOnlyMemory<T> data<T>() where T : unmanaged => ToArray<T>();

    /// <summary>A 2-D tensor's elements as a .NET rectangular array.</summary>
    public unsafe T[,] ToArray2D<T>() where T : unmanaged
    {
        var sizes = shape;
        if (sizes.Length != 2) throw new InvalidOperationException($"ToArray2D needs a 2-D tensor, this one has shape [{string.Join(", ", sizes)}]");
        var info = InfoFor<T>(ScalarTypeExtensions.Of<T>());
        var result = new T[sizes[0], sizes[1]];
        fixed (T* p = result)
            NativeMethods.Check(NativeMethods.ailab_tensor_copy_to(Handle, p, info.Numel * sizeof(T)), "ToArray2D");
        GC.KeepAlive(this);
        return result;
    }

    /// <summary>The value of a one-element tensor, converted to <typeparamref name="T"/> (like PyTorch's <c>item()</c>).</summary>
    public T item<T>() where T : unmanaged
    {
        var value = s_item.CallScalar(this);
        return typeof(T) switch
        {
            var t when t == typeof(float) => (T)(object)(float)value.ToDouble(),
            var t when t == typeof(double) => (T)(object)value.ToDouble(),
            var t when t == typeof(long) => (T)(object)(value.Kind == ScalarKind.Floating ? (long)value.Floating : value.Integer),
            var t when t == typeof(int) => (T)(object)(int)(value.Kind == ScalarKind.Floating ? (long)value.Floating : value.Integer),
            var t when t == typeof(bool) => (T)(object)(value.ToDouble() != 0),
            var t => throw new NotSupportedException($"item<{t.Name}> is not supported; use float, double, long, int or bool"),
        };
    }

    private NativeTensorInfo InfoFor<T>(ScalarType expected) where T : unmanaged
    {
        var info = Info();
        if ((ScalarType)info.DType != expected)
            throw new InvalidOperationException(
                $"this tensor holds {((ScalarType)info.DType).ToTorchString()}, not {typeof(T).Name} ({expected.ToTorchString()}); convert with .to({expected.ToTorchString()}) first");
        return info;
    }

    /// <summary>Creates a CPU tensor from .NET memory (copied), then moves it to <paramref name="device"/>.</summary>
    internal static unsafe Tensor FromMemory(ref byte data, long nbytes, ScalarType dtype, ReadOnlySpan<long> shape, Device? device)
    {
        IntPtr handle;
        fixed (byte* p = &data)
        fixed (long* s = shape)
        {
            var d = device ?? Device.CPU;
            NativeMethods.Check(NativeMethods.ailab_tensor_from_data(p, nbytes, (int)dtype, s, shape.Length, (int)d.type, d.index, out handle), "torch.tensor");
        }
        return FromHandle(handle);
    }

    internal static Tensor FromArray(Array data, long[] shape, ScalarType dtype, Device? device)
    {
        var nbytes = (long)data.Length * dtype.ElementSize();
        return FromMemory(ref MemoryMarshal.GetArrayDataReference(data), nbytes, dtype, shape, device);
    }
}

using System.Runtime.InteropServices;

namespace AiLab.Torch.Native;

/// <summary>Mirrors <c>ailab_arg</c> in lib/native/ailab_native.cpp: one tagged argument or result.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct NativeArg
{
    [FieldOffset(0)] public ArgKind Kind;
    [FieldOffset(4)] public int Length;
    [FieldOffset(8)] public IntPtr Pointer;
    [FieldOffset(8)] public long Int;
    [FieldOffset(8)] public double Double;
    [FieldOffset(16)] public long NBytes;
}

/// <summary>Mirrors <c>ailab_tensor_info</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeTensorInfo
{
    public int DType;
    public int Dim;
    public int DeviceType;
    public int DeviceIndex;
    public int RequiresGrad;
    public int IsLeaf;
    public long Numel;
    public long ElementSize;
    public long OwnedBytes;
}

/// <summary>The argument kinds the shim understands (same numbering as the C++ enum).</summary>
internal enum ArgKind
{
    None = 0,
    Tensor = 1,
    Int = 2,
    Double = 3,
    Bool = 4,
    IntList = 5,
    DoubleList = 6,
    TensorList = 7,
    OptionalTensorList = 8,
    String = 9,
    ScalarType = 10,
    Device = 11,
    Default = 12,
    BoolList = 13,
}

/// <summary>P/Invoke declarations of the shim. Every function returning int returns 0 on success;
/// otherwise <see cref="ailab_last_error"/> holds the message.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "ailab_native";

    [LibraryImport(Library)] internal static partial IntPtr ailab_last_error();
    [LibraryImport(Library)] internal static partial IntPtr ailab_version();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ailab_op_find(string name, string overload, out IntPtr op);
    [LibraryImport(Library)] internal static partial int ailab_op_schema(IntPtr op, out IntPtr text);
    [LibraryImport(Library)]
    internal static partial int ailab_op_call(IntPtr op, NativeArg* args, int nargs, NativeArg* outs, int capacity, out int count);
    [LibraryImport(Library)] internal static partial int ailab_op_results(NativeArg* outs, int capacity);
    [LibraryImport(Library)] internal static partial int ailab_op_is_unboxed(IntPtr op);

    [LibraryImport(Library)] internal static partial void ailab_tensor_free(IntPtr tensor);
    [LibraryImport(Library)] internal static partial int ailab_tensor_alias(IntPtr tensor, out IntPtr alias);
    [LibraryImport(Library)]
    internal static partial int ailab_tensor_from_data(void* data, long nbytes, int dtype, long* shape, int dim, int deviceType, int deviceIndex, out IntPtr tensor);
    [LibraryImport(Library)] internal static partial int ailab_tensor_copy_to(IntPtr tensor, void* destination, long nbytes);
    [LibraryImport(Library)] internal static partial int ailab_tensor_info_get(IntPtr tensor, out NativeTensorInfo info);
    [LibraryImport(Library)] internal static partial int ailab_tensor_sizes(IntPtr tensor, long* sizes, int capacity);
    [LibraryImport(Library)] internal static partial int ailab_tensor_strides(IntPtr tensor, long* strides, int capacity);

    [LibraryImport(Library)] internal static partial int ailab_tensor_set_data(IntPtr tensor, IntPtr source);
    [LibraryImport(Library)] internal static partial int ailab_tensor_set_requires_grad(IntPtr tensor, int requiresGrad);
    [LibraryImport(Library)] internal static partial int ailab_backward(IntPtr tensor, IntPtr grad, int retainGraph, int createGraph);
    [LibraryImport(Library)] internal static partial int ailab_tensor_grad(IntPtr tensor, out IntPtr grad);
    [LibraryImport(Library)] internal static partial int ailab_tensor_set_grad(IntPtr tensor, IntPtr grad);
    [LibraryImport(Library)]
    internal static partial int ailab_autograd_grad(IntPtr* outputs, int noutputs, IntPtr* gradOutputs, int ngradOutputs, IntPtr* inputs, int ninputs, int retainGraph, int createGraph, int allowUnused, IntPtr* grads);
    [LibraryImport(Library)] internal static partial int ailab_grad_enabled();
    [LibraryImport(Library)] internal static partial void ailab_set_grad_enabled(int enabled);

    [LibraryImport(Library)] internal static partial int ailab_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int ailab_set_num_threads(int threads);
    [LibraryImport(Library)] internal static partial int ailab_get_num_threads();
    [LibraryImport(Library)] internal static partial int ailab_cuda_is_available();
    [LibraryImport(Library)] internal static partial int ailab_cuda_device_count();
    [LibraryImport(Library)] internal static partial double ailab_bench_direct_add(long iterations);

    /// <summary>Throws a <see cref="TorchException"/> with libtorch's message when <paramref name="status"/> reports an error.</summary>
    internal static void Check(int status, string operation)
    {
        if (status != 0) throw new TorchException(operation, LastError());
    }

    internal static string LastError() => Marshal.PtrToStringUTF8(ailab_last_error()) ?? "unknown error";
}

using System.Runtime.InteropServices;
using AiLab.Torch.Native;

namespace AiLab.Torch;

/// <summary>
/// The <c>torch</c> namespace of PyTorch: tensor creation, functions over tensors, dtypes, devices,
/// grad mode, seeds and threads. Use with <c>using static AiLab.Torch.torch;</c>.
/// </summary>
public static partial class torch
{
    /// <summary>32-bit float, the default floating dtype.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>Alias of <see cref="float32"/>.</summary>
    public const ScalarType @float = ScalarType.Float32;
    /// <summary>64-bit float.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>Alias of <see cref="float64"/>.</summary>
    public const ScalarType @double = ScalarType.Float64;
    /// <summary>Half precision.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>Alias of <see cref="float16"/>.</summary>
    public const ScalarType half = ScalarType.Float16;
    /// <summary>Brain floating point.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>64-bit integer, the default integer dtype.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>Alias of <see cref="int64"/>.</summary>
    public const ScalarType @long = ScalarType.Int64;
    /// <summary>32-bit integer.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>Alias of <see cref="int32"/>.</summary>
    public const ScalarType @int = ScalarType.Int32;
    /// <summary>16-bit integer.</summary>
    public const ScalarType int16 = ScalarType.Int16;
    /// <summary>8-bit signed integer.</summary>
    public const ScalarType int8 = ScalarType.Int8;
    /// <summary>8-bit unsigned integer.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary>Boolean.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>The CPU device.</summary>
    public static Device CPU => Device.CPU;

    /// <summary>A device from its description: <c>torch.device("cuda:0")</c>.</summary>
    public static Device device(string description) => Device.Parse(description);

    /// <summary>A device from its kind and index.</summary>
    public static Device device(DeviceType type, int index = -1) => new(type, index);

    /// <summary>The libtorch version this process runs on, e.g. <c>1.13.1</c>.</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(NativeMethods.ailab_version()) ?? "unknown";

    /// <summary>Seeds every random number generator libtorch uses (CPU and CUDA).</summary>
    public static void manual_seed(long seed) =>
        NativeMethods.Check(NativeMethods.ailab_manual_seed(unchecked((ulong)seed)), "manual_seed");

    /// <summary>Sets the number of threads used for intra-op parallelism (default: physical cores).</summary>
    public static void set_num_threads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeMethods.Check(NativeMethods.ailab_set_num_threads(threads), "set_num_threads");
    }

    /// <summary>The number of threads used for intra-op parallelism.</summary>
    public static int get_num_threads() => NativeMethods.ailab_get_num_threads();

    /// <summary>Opens a scope that disposes the tensors created inside it on this thread (see <see cref="DisposeScope"/>).</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>CUDA queries (<c>torch.cuda</c>).</summary>
    public static class cuda
    {
        /// <summary>True when this libtorch was built with CUDA and a GPU is visible.</summary>
        public static bool is_available() => NativeMethods.ailab_cuda_is_available() != 0;

        /// <summary>The number of visible GPUs.</summary>
        public static int device_count() => NativeMethods.ailab_cuda_device_count();
    }
}

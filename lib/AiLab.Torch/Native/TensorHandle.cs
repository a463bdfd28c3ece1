using System.Runtime.InteropServices;

namespace AiLab.Torch.Native;

/// <summary>Owns one <c>at::Tensor*</c> allocated by the shim. Releasing it drops that reference;
/// storage is freed by libtorch when its last reference goes.</summary>
internal sealed class TensorHandle : SafeHandle
{
    private readonly long _reportedBytes;

    internal TensorHandle(IntPtr handle, long nbytes) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        // Tell the GC about native memory so programs that forget dispose scopes stay bounded.
        // Small tensors are left out: AddMemoryPressure costs more than their bytes matter.
        if (nbytes >= PressureThreshold)
        {
            _reportedBytes = nbytes;
            GC.AddMemoryPressure(nbytes);
        }
        Interlocked.Increment(ref s_live);
    }

    private const long PressureThreshold = 16 * 1024;
    private static long s_live;

    /// <summary>Handles not yet released (disposed or finalized).</summary>
    internal static long LiveCount => Interlocked.Read(ref s_live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ailab_tensor_free(handle);
        if (_reportedBytes > 0) GC.RemoveMemoryPressure(_reportedBytes);
        Interlocked.Decrement(ref s_live);
        return true;
    }
}

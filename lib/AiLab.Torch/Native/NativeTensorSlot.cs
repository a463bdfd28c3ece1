namespace AiLab.Torch.Native;

/// <summary>
/// Owns the native <c>at::Tensor*</c> of one <see cref="Tensor"/> at a time, and frees it when that
/// tensor is collected without having been disposed.
/// </summary>
/// <remarks>
/// Slots are pooled per thread. Allocating a finalizable object costs ~55 ns, because the runtime
/// registers each one for finalization — measured, a tenth of a small op. A pooled slot is
/// registered once and reused: it is reachable while in the pool, so it is never finalized there,
/// and once a tensor holds it, the slot becomes garbage exactly when the tensor does.
/// </remarks>
internal sealed class NativeTensorSlot
{
    private const int PoolCapacity = 256;
    // Small tensors are not reported to the GC: AddMemoryPressure costs more than their bytes matter.
    private const long PressureThreshold = 16 * 1024;

    [ThreadStatic] private static Pool? t_pool;
    private static long s_live;

    private static Pool ThisThreadsPool => t_pool ??= new Pool();

    private IntPtr _native;
    private long _reportedBytes;

    private NativeTensorSlot() { }

    ~NativeTensorSlot() => Release();

    /// <summary>Native tensors owned by slots and not yet released, process-wide.</summary>
    internal static long LiveCount => Interlocked.Read(ref s_live);

    /// <summary>The native tensor.</summary>
    internal IntPtr Native => _native;

    /// <summary>A slot owning <paramref name="native"/>; <paramref name="nbytes"/> are the storage
    /// bytes it holds alone, reported to the GC so programs that forget to dispose stay bounded.</summary>
    internal static NativeTensorSlot Rent(IntPtr native, long nbytes)
    {
        var slot = ThisThreadsPool.TryPop() ?? new NativeTensorSlot();
        slot._native = native;
        if (nbytes >= PressureThreshold)
        {
            slot._reportedBytes = nbytes;
            GC.AddMemoryPressure(nbytes);
        }
        Interlocked.Increment(ref s_live);
        return slot;
    }

    /// <summary>Frees the native tensor now and pools the slot for the next tensor on this thread.</summary>
    internal void Return()
    {
        Release();
        if (!ThisThreadsPool.TryPush(this)) GC.SuppressFinalize(this);
    }

    private void Release()
    {
        var native = Interlocked.Exchange(ref _native, IntPtr.Zero);
        if (native == IntPtr.Zero) return;
        NativeMethods.ailab_tensor_free(native);
        if (_reportedBytes > 0)
        {
            GC.RemoveMemoryPressure(_reportedBytes);
            _reportedBytes = 0;
        }
        Interlocked.Decrement(ref s_live);
    }

    private sealed class Pool
    {
        private readonly NativeTensorSlot[] _slots = new NativeTensorSlot[PoolCapacity];
        private int _count;

        internal NativeTensorSlot? TryPop() => _count > 0 ? _slots[--_count] : null;

        internal bool TryPush(NativeTensorSlot slot)
        {
            if (_count == _slots.Length) return false;
            _slots[_count++] = slot;
            return true;
        }
    }
}

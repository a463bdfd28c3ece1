namespace AiLab.Torch;

/// <summary>
/// Disposes every tensor created on this thread while it is the innermost open scope, unless the
/// tensor was moved out (<see cref="Tensor.MoveToOuterDisposeScope"/>) or detached
/// (<see cref="Tensor.DetachFromDisposeScope"/>). Create with <see cref="torch.NewDisposeScope"/>.
/// </summary>
/// <remarks>
/// Scopes are per thread, like libtorch's grad mode. Code that awaits must resume on the same thread:
/// the notebook runner executes every cell on one dedicated thread with a single-threaded
/// SynchronizationContext, so a scope opened before an <c>await</c> in a cell still applies after it.
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? t_current;

    // A list with each tensor's slot stored in the tensor: attaching and forgetting are O(1) without
    // hashing (an object's first identity hash is a call into the runtime, on every new tensor).
    private readonly List<Tensor?> _tensors = [];
    private int _count;
    private readonly DisposeScope? _outer;
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope on this thread, if any.</summary>
    internal static DisposeScope? Current => t_current;

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => _count;

    internal void Attach(Tensor tensor)
    {
        tensor.OwningScope = this;
        tensor.ScopeSlot = _tensors.Count;
        _tensors.Add(tensor);
        _count++;
    }

    internal void Forget(Tensor tensor)
    {
        var slot = tensor.ScopeSlot;
        if (slot < _tensors.Count && ReferenceEquals(_tensors[slot], tensor))
        {
            _tensors[slot] = null;
            _count--;
        }
    }

    internal void MoveToOuter(Tensor tensor)
    {
        Forget(tensor);
        tensor.OwningScope = null;
        _outer?.Attach(tensor);
    }

    /// <summary>Disposes the scope's tensors and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        // Scopes close innermost first; closing an outer one closes the ones opened inside it.
        var onThisThread = false;
        for (var s = t_current; s is not null; s = s._outer) onThisThread |= s == this;
        if (onThisThread)
            while (t_current != this) t_current!.Dispose();
        _disposed = true;
        foreach (var tensor in _tensors)
        {
            if (tensor is null) continue;
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        _tensors.Clear();
        _count = 0;
        if (onThisThread) t_current = _outer;
    }
}

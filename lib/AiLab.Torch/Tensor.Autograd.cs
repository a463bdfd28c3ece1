using AiLab.Torch.Native;

namespace AiLab.Torch;

public partial class Tensor
{
    private static readonly Op s_detach = new("aten::detach");
    private static readonly Op s_retain_grad = new("aten::retain_grad");

    /// <summary>Wraps a handle the shim returned outside an operator call (grad, alias, from-data).</summary>
    internal static Tensor FromHandle(IntPtr handle)
    {
        NativeMethods.Check(NativeMethods.ailab_tensor_info_get(handle, out var info), "tensor metadata");
        return new Tensor(handle, info.OwnedBytes);
    }

    /// <summary>Starts (or stops) recording operations on this leaf tensor for autograd. Returns this tensor.</summary>
    public Tensor requires_grad_(bool requires_grad = true)
    {
        NativeMethods.Check(NativeMethods.ailab_tensor_set_requires_grad(Handle, requires_grad ? 1 : 0), "requires_grad_");
        GC.KeepAlive(this);
        return this;
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to the graph's leaves and accumulates it in
    /// their <see cref="grad"/>. A non-scalar tensor needs <paramref name="gradient"/> (dL/dthis).
    /// </summary>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false)
    {
        NativeMethods.Check(NativeMethods.ailab_backward(Handle, gradient?.Handle ?? IntPtr.Zero,
            retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0), "backward");
        GC.KeepAlive(this);
        GC.KeepAlive(gradient);
    }

    /// <summary>
    /// The gradient accumulated by <see cref="backward"/>, or null. Each read returns a new handle to the
    /// same gradient tensor (dispose it, or read it inside a dispose scope); setting replaces it.
    /// </summary>
    public Tensor? grad
    {
        get
        {
            NativeMethods.Check(NativeMethods.ailab_tensor_grad(Handle, out var g), "grad");
            GC.KeepAlive(this);
            return g == IntPtr.Zero ? null : FromHandle(g);
        }
        set
        {
            NativeMethods.Check(NativeMethods.ailab_tensor_set_grad(Handle, value?.Handle ?? IntPtr.Zero), "grad");
            GC.KeepAlive(this);
            GC.KeepAlive(value);
        }
    }

    /// <summary>
    /// Makes this tensor use <paramref name="source"/>'s data (shape, dtype and device may change) while
    /// keeping its identity and autograd role: Python's <c>x.data = source</c> (libtorch's <c>set_data</c>).
    /// </summary>
    public void set_data(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        NativeMethods.Check(NativeMethods.ailab_tensor_set_data(Handle, source.Handle), "set_data");
        GC.KeepAlive(this);
        GC.KeepAlive(source);
    }

    /// <summary>A tensor sharing this one's data that autograd does not track.</summary>
    public Tensor detach() => s_detach.Call(this);

    /// <summary>Keeps <see cref="grad"/> for this non-leaf tensor after backward.</summary>
    public void retain_grad() => s_retain_grad.CallInPlace(this);

    /// <summary>A second handle to the same tensor (same storage, same autograd identity).</summary>
    public Tensor alias()
    {
        NativeMethods.Check(NativeMethods.ailab_tensor_alias(Handle, out var h), "alias");
        GC.KeepAlive(this);
        return FromHandle(h);
    }

    /// <summary>Hands the native handle to a new owner (a Parameter); this tensor becomes disposed.</summary>
    internal IntPtr ReleaseHandleOwnership()
    {
        NativeMethods.Check(NativeMethods.ailab_tensor_alias(Handle, out var alias), "alias");
        Dispose();
        return alias;
    }

    /// <summary>Keeps this tensor alive when the current dispose scope ends: the enclosing scope (if any) owns it instead.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        OwningScope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Removes this tensor from every dispose scope: the caller disposes it (or the GC finalizes it).</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Forget(this);
        OwningScope = null;
        return this;
    }
}

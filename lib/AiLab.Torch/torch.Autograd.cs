using AiLab.Torch.Native;

namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Disables gradient recording on this thread until disposed: <c>using (torch.no_grad()) { … }</c>.</summary>
    public static IDisposable no_grad() => new GradModeScope(enabled: false);

    /// <summary>Enables gradient recording on this thread until disposed.</summary>
    public static IDisposable enable_grad() => new GradModeScope(enabled: true);

    /// <summary>Sets gradient recording on this thread until disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled) => new GradModeScope(enabled);

    /// <summary>True when operations on this thread are recorded for autograd.</summary>
    public static bool is_grad_enabled() => NativeMethods.ailab_grad_enabled() != 0;

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool _previous = is_grad_enabled();
        private bool _disposed;

        internal GradModeScope(bool enabled) => NativeMethods.ailab_set_grad_enabled(enabled ? 1 : 0);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            NativeMethods.ailab_set_grad_enabled(_previous ? 1 : 0);
        }
    }

    /// <summary>Automatic differentiation (<c>torch.autograd</c>).</summary>
    public static class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without
        /// accumulating into <c>.grad</c>. With <paramref name="allow_unused"/>, inputs the outputs do not
        /// depend on get null.
        /// </summary>
        public static unsafe Tensor?[] grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
            IReadOnlyList<Tensor?>? grad_outputs = null, bool? retain_graph = null, bool create_graph = false,
            bool allow_unused = false)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(inputs);
            var outs = outputs.Select(t => t.Handle).ToArray();
            var gradOuts = (grad_outputs ?? []).Select(t => t?.Handle ?? IntPtr.Zero).ToArray();
            var ins = inputs.Select(t => t.Handle).ToArray();
            var grads = new IntPtr[ins.Length];
            fixed (IntPtr* o = outs, g = gradOuts, i = ins, r = grads)
            {
                NativeMethods.Check(NativeMethods.ailab_autograd_grad(o, outs.Length, g, gradOuts.Length, i, ins.Length,
                    retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, r),
                    "torch.autograd.grad");
            }
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            return grads.Select(h => h == IntPtr.Zero ? null : Tensor.FromHandle(h)).ToArray();
        }

        /// <summary>Gradient of one output with respect to some inputs.</summary>
        public static Tensor?[] grad(Tensor output, IReadOnlyList<Tensor> inputs, bool? retain_graph = null,
            bool create_graph = false, bool allow_unused = false) =>
            grad([output], inputs, null, retain_graph, create_graph, allow_unused);
    }
}

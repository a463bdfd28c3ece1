namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A tensor that is a module's learnable state: registered by <see cref="Module.RegisterComponents"/>,
        /// returned by <see cref="Module.parameters"/>, and by default <c>requires_grad</c>. It shares
        /// storage with the tensor it was made from and belongs to its module (no dispose scope owns it).
        /// </summary>
        public sealed class Parameter : Tensor
        {
            /// <summary>Wraps <paramref name="data"/> (detached from any graph) as a parameter.</summary>
            public Parameter(Tensor data, bool requires_grad = true) : base(DetachedHandle(data), 0)
            {
                DetachFromDisposeScope();
                if (requires_grad) requires_grad_();
            }

            private static IntPtr DetachedHandle(Tensor data)
            {
                ArgumentNullException.ThrowIfNull(data);
                using var detached = data.detach();
                return detached.ReleaseHandleOwnership();
            }
        }
    }
}

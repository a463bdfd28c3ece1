namespace AiLab.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// An optimizer's state for one parameter (PyTorch's <c>optimizer.state[p]</c>): the number of updates
        /// applied to it and named buffers shaped like it ("momentum_buffer", "exp_avg", "exp_avg_sq", "sum", …).
        /// The optimizer owns the buffers and disposes them with itself.
        /// </summary>
        public sealed class ParamState
        {
            private readonly Dictionary<string, Tensor> _buffers = [];

            /// <summary>Updates applied to the parameter so far (PyTorch's <c>state['step']</c>).</summary>
            public long step { get; set; }

            /// <summary>The buffer names, in creation order.</summary>
            public IEnumerable<string> Keys => _buffers.Keys;

            /// <summary>A buffer by name; throws <see cref="KeyNotFoundException"/> naming the known buffers.</summary>
            public Tensor this[string name] => _buffers.TryGetValue(name, out var buffer)
                ? buffer
                : throw new KeyNotFoundException($"no optimizer state '{name}' for this parameter; it has [{string.Join(", ", _buffers.Keys)}]");

            /// <summary>True when the buffer exists.</summary>
            public bool ContainsKey(string name) => _buffers.ContainsKey(name);

            /// <summary>The buffer <paramref name="name"/>, created by <paramref name="create"/> on first use (it leaves any dispose scope).</summary>
            public Tensor Buffer(string name, Func<Tensor> create)
            {
                ArgumentNullException.ThrowIfNull(create);
                if (!_buffers.TryGetValue(name, out var buffer))
                    _buffers[name] = buffer = create().DetachFromDisposeScope();
                return buffer;
            }

            internal IEnumerable<KeyValuePair<string, Tensor>> Buffers => _buffers;

            internal void DisposeBuffers()
            {
                foreach (var buffer in _buffers.Values) buffer.Dispose();
                _buffers.Clear();
            }
        }
    }
}

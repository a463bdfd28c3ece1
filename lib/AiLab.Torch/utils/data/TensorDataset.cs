using System.Diagnostics.CodeAnalysis;
using AiLab.Torch.Data;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Data
{
    /// <summary>
    /// Samples are the rows of tensors sharing a first dimension (<c>TensorDataset(X, y)</c>): sample i is
    /// <c>[X[i], y[i]]</c>. The dataset keeps its own handles to the tensors (the caller may dispose theirs) and
    /// batches with one <c>index_select</c> per tensor.
    /// </summary>
    public sealed class TensorDataset : utils.data.Dataset<Tensor[]>
    {
        private readonly Tensor[] _tensors;

        /// <summary>Wraps tensors with the same size in dimension 0.</summary>
        public TensorDataset(params Tensor[] tensors)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            if (tensors.Length == 0) throw new ArgumentException("TensorDataset needs at least one tensor", nameof(tensors));
            for (var k = 0; k < tensors.Length; k++)
            {
                if (tensors[k] is null) throw new ArgumentNullException(nameof(tensors), $"tensor {k} is null");
                if (tensors[k].dim() == 0) throw new ArgumentException($"tensor {k} is a scalar; samples are rows of dimension 0", nameof(tensors));
            }
            var count = tensors[0].size(0);
            for (var k = 1; k < tensors.Length; k++)
                if (tensors[k].size(0) != count)
                    throw new ArgumentException($"size mismatch between tensors: tensor 0 has {count} rows, tensor {k} has {tensors[k].size(0)}", nameof(tensors));
            Count = count;
            _tensors = tensors.Select(t => t.detach().DetachFromDisposeScope()).ToArray();
        }

        /// <inheritdoc/>
        public override long Count { get; }

        /// <summary>The wrapped tensors (this dataset's handles; do not dispose them).</summary>
        public IReadOnlyList<Tensor> tensors => _tensors;

        /// <inheritdoc/>
        public override Tensor[] this[long index]
        {
            get
            {
                CheckIndex(index);
                return _tensors.Select(t => t.select(0, index)).ToArray();
            }
        }

        /// <inheritdoc/>
        public override bool TryGetBatch(IReadOnlyList<long> indices, [NotNullWhen(true)] out Tensor[]? batch)
        {
            foreach (var i in indices) CheckIndex(i);
            using var index = tensor(indices.ToArray());
            batch = _tensors.Select(t => t.is_cuda ? IndexOn(t, index) : t.index_select(0, index)).ToArray();
            return true;
        }

        // index_select wants the index on the tensor's device.
        private static Tensor IndexOn(Tensor t, Tensor index)
        {
            using var moved = index.to(t.device);
            return t.index_select(0, moved);
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
                foreach (var t in _tensors) t.Dispose();
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>A dataset of tensor rows: see <see cref="Data.TensorDataset"/>.</summary>
                public static TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);
            }
        }
    }
}

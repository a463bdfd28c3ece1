using System.Collections;
using AiLab.Torch.Data;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Data
{
    /// <summary>
    /// Iterates over a dataset in batches (<c>torch.utils.data.DataLoader</c>): <c>foreach (var (x, y) in loader)</c>.
    /// </summary>
    /// <remarks>
    /// <para><b>Order.</b> Without shuffling, samples come in index order. With shuffling, epoch e (the e-th
    /// enumeration, counting from 0, or as set by <see cref="set_epoch"/>) visits a permutation that depends only on
    /// (<see cref="seed"/>, e): every sample exactly once per epoch, a different order each epoch, the same orders in
    /// every run.</para>
    /// <para><b>Ownership.</b> The loader owns the tensors it creates for a batch (through the dataset's batched
    /// access or the collate function; everything else created meanwhile is freed at once). A batch stays valid until
    /// the next one is requested, when the loader disposes it, so a training loop needs no dispose scope for its
    /// batches and its memory stays flat. When the iteration stops early (<c>break</c>, <c>First()</c>,
    /// <c>Take(n)</c>), the batch in hand is not disposed: it joins the dispose scope current at that moment (or is
    /// left to the GC). To keep a batch past its step, <c>clone()</c> its tensors. Tensors a collate function returns
    /// that existed before the call (e.g. a dataset's own tensor) are never disposed by the loader.</para>
    /// </remarks>
    public sealed class DataLoader<T, TBatch> : IEnumerable<TBatch>
    {
        private readonly Func<IReadOnlyList<long>, TBatch> _fetch;
        private long _epoch;

        internal DataLoader(utils.data.Dataset<T> dataset, Func<IReadOnlyList<long>, TBatch> fetch, long batch_size, bool shuffle, bool drop_last, long? seed)
        {
            ArgumentNullException.ThrowIfNull(dataset);
            if (batch_size < 1) throw new ArgumentOutOfRangeException(nameof(batch_size), batch_size, "batch_size must be at least 1");
            this.dataset = dataset;
            _fetch = fetch;
            this.batch_size = batch_size;
            this.shuffle = shuffle;
            this.drop_last = drop_last;
            this.seed = seed ?? (shuffle ? SeededPermutation.FromTorch() : 0);
        }

        /// <summary>The dataset batches are drawn from.</summary>
        public utils.data.Dataset<T> dataset { get; }

        /// <summary>Samples per batch (the last batch may be smaller unless <see cref="drop_last"/>).</summary>
        public long batch_size { get; }

        /// <summary>True when each epoch visits the samples in a new random order.</summary>
        public bool shuffle { get; }

        /// <summary>True when a final batch smaller than <see cref="batch_size"/> is skipped.</summary>
        public bool drop_last { get; }

        /// <summary>The seed of the shuffling orders (drawn from torch's global generator when not given).</summary>
        public long seed { get; }

        /// <summary>The epoch the next enumeration will use; each enumeration advances it. Set it to resume or replay an
        /// epoch's order (like <c>DistributedSampler.set_epoch</c>).</summary>
        public long epoch
        {
            get => _epoch;
            set => _epoch = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(epoch), value, "epoch must be non-negative");
        }

        /// <summary>Number of batches per epoch (<c>len(loader)</c>).</summary>
        public long Count => drop_last ? dataset.Count / batch_size : (dataset.Count + batch_size - 1) / batch_size;

        /// <summary>Starts an epoch.</summary>
        public IEnumerator<TBatch> GetEnumerator() => Iterate(_epoch++);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<TBatch> Iterate(long epoch)
        {
            var n = dataset.Count;
            var order = shuffle ? SeededPermutation.Of(n, seed, epoch) : null;
            var batches = Count;
            List<Tensor> owned = [];
            var finished = false;
            try
            {
                for (long b = 0; b < batches; b++)
                {
                    Release(owned);
                    var start = b * batch_size;
                    var size = Math.Min(batch_size, n - start);
                    var indices = new long[size];
                    for (long k = 0; k < size; k++) indices[k] = order?[start + k] ?? start + k;
                    yield return Fetch(indices, owned);
                }
                finished = true;
            }
            finally
            {
                if (finished) Release(owned);
                else HandOver(owned);
            }
        }

        /// <summary>Builds a batch inside a dispose scope: intermediates die with it; the batch's tensors created in it
        /// become <paramref name="owned"/> (tensors that existed before keep their owner).</summary>
        private TBatch Fetch(long[] indices, List<Tensor> owned)
        {
            using var scope = NewDisposeScope();
            var batch = _fetch(indices);
            foreach (var t in BatchOwnership.TensorsIn(batch))
                if (t.OwningScope == scope) owned.Add(t.DetachFromDisposeScope());
            return batch;
        }

        private static void Release(List<Tensor> owned)
        {
            foreach (var t in owned) t.Dispose();
            owned.Clear();
        }

        private static void HandOver(List<Tensor> owned)
        {
            var scope = DisposeScope.Current;
            if (scope is not null)
                foreach (var t in owned.Where(t => !t.IsDisposed)) scope.Attach(t);
            owned.Clear();
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
                /// <summary>
                /// Batches of a tensor dataset as <c>Tensor[]</c> (one stacked tensor per sample position, e.g. [x, y]).
                /// With a <paramref name="collate_fn"/>, it receives the samples of each batch; without, the samples are stacked
                /// (by the dataset's <see cref="Dataset{T}.TryGetBatch"/> when it has one). Batches are moved to
                /// <paramref name="device"/> when given. See <see cref="DataLoader{T, TBatch}"/> for order and ownership.
                /// </summary>
                /// <param name="dataset">The samples.</param>
                /// <param name="batch_size">Samples per batch.</param>
                /// <param name="shuffle">Visit the samples in a new random order each epoch.</param>
                /// <param name="drop_last">Skip a final partial batch.</param>
                /// <param name="seed">Seed of the shuffling orders (default: drawn from torch's global generator).</param>
                /// <param name="collate_fn">Turns a batch's samples into the batch (default: stack each position).</param>
                /// <param name="device">Where to put the batches (default: where the dataset's tensors are).</param>
                public static DataLoader<Tensor[], Tensor[]> DataLoader(Dataset<Tensor[]> dataset, long batch_size = 1, bool shuffle = false,
                    bool drop_last = false, long? seed = null, Func<IReadOnlyList<Tensor[]>, Tensor[]>? collate_fn = null, Device? device = null)
                {
                    ArgumentNullException.ThrowIfNull(dataset);
                    return new(dataset, indices => ToDevice(FetchTensors(dataset, indices, collate_fn, default_collate), device),
                        batch_size, shuffle, drop_last, seed);
                }

                /// <summary>Batches of a dataset of single tensors, stacked into one tensor per batch.</summary>
                public static DataLoader<Tensor, Tensor> DataLoader(Dataset<Tensor> dataset, long batch_size = 1, bool shuffle = false,
                    bool drop_last = false, long? seed = null, Device? device = null)
                {
                    ArgumentNullException.ThrowIfNull(dataset);
                    return new(dataset, indices => ToDevice([FetchTensors(dataset, indices, null, samples => stack(samples.ToArray()))], device)[0],
                        batch_size, shuffle, drop_last, seed);
                }

                /// <summary>Batches of any dataset, built by <paramref name="collate_fn"/> from each batch's samples.</summary>
                public static DataLoader<T, TBatch> DataLoader<T, TBatch>(Dataset<T> dataset, Func<IReadOnlyList<T>, TBatch> collate_fn,
                    long batch_size = 1, bool shuffle = false, bool drop_last = false, long? seed = null)
                {
                    ArgumentNullException.ThrowIfNull(dataset);
                    ArgumentNullException.ThrowIfNull(collate_fn);
                    return new(dataset, indices => collate_fn(indices.Select(i => dataset[i]).ToList()), batch_size, shuffle, drop_last, seed);
                }

                /// <summary>Stacks each position of the samples along a new first dimension: [x₀, y₀], [x₁, y₁] → [X, Y].</summary>
                public static Tensor[] default_collate(IReadOnlyList<Tensor[]> samples)
                {
                    ArgumentNullException.ThrowIfNull(samples);
                    if (samples.Count == 0) throw new ArgumentException("cannot collate an empty batch", nameof(samples));
                    var width = samples[0].Length;
                    if (samples.Any(s => s.Length != width))
                        throw new ArgumentException("every sample must hold the same number of tensors", nameof(samples));
                    return Enumerable.Range(0, width).Select(k => stack(samples.Select(s => s[k]).ToArray())).ToArray();
                }

                // Without a custom collate function, the dataset's batched access (if any) replaces stacking the samples.
                private static TSample FetchTensors<TSample>(Dataset<TSample> dataset, IReadOnlyList<long> indices,
                    Func<IReadOnlyList<TSample>, TSample>? collate_fn, Func<IReadOnlyList<TSample>, TSample> stack_samples) =>
                    collate_fn is null && dataset.TryGetBatch(indices, out var batch)
                        ? batch
                        : (collate_fn ?? stack_samples)(indices.Select(i => dataset[i]).ToList());

                private static Tensor[] ToDevice(Tensor[] batch, Device? device) =>
                    device is null ? batch : batch.Select(t => t.device == device ? t : t.to(device)).ToArray();
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;

namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Utilities (<c>torch.utils</c>).</summary>
    public static partial class utils
    {
        /// <summary>Datasets, subsets, splits and batching (<c>torch.utils.data</c>).</summary>
        public static partial class data
        {
            /// <summary>
            /// A map-style dataset (<c>torch.utils.data.Dataset</c>): <see cref="Count"/> samples reachable by index.
            /// Subclass it and override <see cref="Count"/> and the indexer; a sample's tensors belong to the caller.
            /// </summary>
            /// <typeparam name="T">The sample type, e.g. <c>Tensor[]</c> (features, label).</typeparam>
            public abstract class Dataset<T> : IDisposable
            {
                /// <summary>Number of samples (<c>len(dataset)</c>).</summary>
                public abstract long Count { get; }

                /// <summary>The sample at <paramref name="index"/> in [0, Count) (<c>dataset[index]</c>); its tensors are new handles the caller owns.</summary>
                public abstract T this[long index] { get; }

                /// <summary>
                /// The samples at <paramref name="indices"/> already batched — for tensor samples, stacked along a new first
                /// dimension, exactly what stacking the samples one by one would give — or false when this dataset has no
                /// faster way than fetching samples one at a time. <see cref="DataLoader{T, TBatch}"/> uses it when no custom
                /// collate function is given.
                /// </summary>
                public virtual bool TryGetBatch(IReadOnlyList<long> indices, [NotNullWhen(true)] out T? batch)
                {
                    batch = default;
                    return false;
                }

                /// <summary>Frees tensors the dataset holds.</summary>
                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Releases the dataset's tensors; the base class holds none.</summary>
                protected virtual void Dispose(bool disposing) { }

                /// <summary>Throws unless 0 ≤ <paramref name="index"/> &lt; <see cref="Count"/>.</summary>
                protected void CheckIndex(long index)
                {
                    if (index < 0 || index >= Count)
                        throw new ArgumentOutOfRangeException(nameof(index), index, $"index out of range for a dataset of {Count} samples");
                }
            }
        }
    }
}

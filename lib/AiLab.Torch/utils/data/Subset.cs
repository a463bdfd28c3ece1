using System.Diagnostics.CodeAnalysis;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Data;

/// <summary>
/// The samples of another dataset at given indices (<c>torch.utils.data.Subset</c>). It shares the dataset (disposing
/// a subset does not dispose it).
/// </summary>
public sealed class Subset<T> : utils.data.Dataset<T>
{
    private readonly long[] _indices;

    /// <summary>Selects <paramref name="indices"/> (each in [0, dataset.Count)) of <paramref name="dataset"/>.</summary>
    public Subset(utils.data.Dataset<T> dataset, IEnumerable<long> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(indices);
        this.dataset = dataset;
        _indices = indices.ToArray();
        foreach (var i in _indices)
            if (i < 0 || i >= dataset.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"subset index out of range for a dataset of {dataset.Count} samples");
    }

    /// <summary>The underlying dataset.</summary>
    public utils.data.Dataset<T> dataset { get; }

    /// <summary>The selected indices of <see cref="dataset"/>, in subset order.</summary>
    public IReadOnlyList<long> indices => _indices;

    /// <inheritdoc/>
    public override long Count => _indices.Length;

    /// <inheritdoc/>
    public override T this[long index]
    {
        get
        {
            CheckIndex(index);
            return dataset[_indices[index]];
        }
    }

    /// <inheritdoc/>
    public override bool TryGetBatch(IReadOnlyList<long> indices, [NotNullWhen(true)] out T? batch)
    {
        foreach (var i in indices) CheckIndex(i);
        return dataset.TryGetBatch(indices.Select(i => _indices[i]).ToArray(), out batch);
    }
}

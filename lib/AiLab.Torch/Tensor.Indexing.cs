namespace AiLab.Torch;

// x[i, 1..3, .., mask] with PyTorch's semantics (torch/csrc/autograd/python_variable_indexing.cpp):
// integers select and slices narrow first, as views; tensor indices are then applied together by
// aten::index (read) or aten::index_put_ (write).
public partial class Tensor
{
    /// <summary>Reads or writes entries: <c>x[0]</c>, <c>x[.., 1]</c>, <c>x[1..3, TensorIndex.Ellipsis]</c>, <c>x[mask]</c>, <c>x[idx] = y</c>.</summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get
        {
            var (view, advanced) = ApplyBasic(indices);
            if (advanced is null) return view;
            using (view) return view.index(advanced);
        }
        set => index_put_(indices, value);
    }

    /// <summary>Writes <paramref name="value"/> (broadcast) into the indexed entries: <c>x[mask] = 0</c>.</summary>
    public void index_put_(TensorIndex[] indices, Scalar value)
    {
        using var t = torch.full([], value, dtype, device);
        index_put_(indices, t);
    }

    /// <summary>Writes <paramref name="value"/> (broadcast) into the indexed entries.</summary>
    public void index_put_(TensorIndex[] indices, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (view, advanced) = ApplyBasic(indices);
        using (view)
        {
            if (advanced is null) view.copy_(value);
            else view.index_put_(advanced, value);
        }
    }

    // Applies integers, slices, None and Ellipsis as views; returns the view and, when there are tensor
    // indices, the Tensor?[] aligned with the view's dimensions for aten::index.
    private (Tensor View, Tensor?[]? Advanced) ApplyBasic(TensorIndex[] indices)
    {
        var ndim = (int)dim();
        var consumed = indices.Count(i => i.Kind is TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice) +
                       indices.Where(i => i.Kind == TensorIndex.IndexKind.Tensor).Sum(i => i.TensorValue!.dtype == ScalarType.Bool ? (int)i.TensorValue.dim() : 1);
        if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Ellipsis) > 1) throw new IndexException("an index can only have a single ellipsis");
        if (consumed > ndim) throw new IndexException($"too many indices for tensor of dimension {ndim}");

        var view = alias();
        var advanced = new List<Tensor?>();
        var anyAdvanced = false;
        long d = 0;
        try
        {
            foreach (var index in indices)
            {
                switch (index.Kind)
                {
                    case TensorIndex.IndexKind.Single:
                        var size = view.size(d);
                        if (index.SingleValue >= size || index.SingleValue < -size)
                            throw new IndexException($"index {index.SingleValue} is out of bounds for dimension {d} with size {size}");
                        Replace(ref view, view.select(d, index.SingleValue));
                        break;
                    case TensorIndex.IndexKind.Slice:
                        Replace(ref view, view.slice(d, index.Start, index.Stop, index.Step));
                        advanced.Add(null);
                        d++;
                        break;
                    case TensorIndex.IndexKind.None:
                        Replace(ref view, view.unsqueeze(d));
                        advanced.Add(null);
                        d++;
                        break;
                    case TensorIndex.IndexKind.Ellipsis:
                        var skip = ndim - consumed;
                        for (var k = 0; k < skip; k++) advanced.Add(null);
                        d += skip;
                        break;
                    case TensorIndex.IndexKind.Tensor:
                        anyAdvanced = true;
                        advanced.Add(index.TensorValue);
                        // A boolean mask spans as many dimensions as it has.
                        var span = index.TensorValue!.dtype == ScalarType.Bool ? index.TensorValue.dim() : 1;
                        for (var k = 1; k < span; k++) advanced.Add(null);
                        d += span;
                        break;
                }
            }
        }
        catch
        {
            view.Dispose();
            throw;
        }
        if (!anyAdvanced) return (view, null);
        // A mask spanning several dims is passed once; drop the placeholders that followed it.
        var aligned = new List<Tensor?>();
        for (var k = 0; k < advanced.Count; k++)
        {
            aligned.Add(advanced[k]);
            if (advanced[k] is { } t && t.dtype == ScalarType.Bool) k += (int)t.dim() - 1;
        }
        while (aligned.Count > 0 && aligned[^1] is null) aligned.RemoveAt(aligned.Count - 1);
        return (view, aligned.ToArray());
    }

    private static void Replace(ref Tensor view, Tensor next)
    {
        view.Dispose();
        view = next;
    }
}

/// <summary>An index out of range or an invalid combination of indices (PyTorch's IndexError).</summary>
public sealed class IndexException(string message) : Exception(message);

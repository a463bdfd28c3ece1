namespace AiLab.Torch;

/// <summary>
/// One index in <c>x[...]</c>: an integer (selects, removing the dimension), a range such as <c>1..3</c>,
/// <c>..</c> or <c>^2..</c> (slices), <see cref="Ellipsis"/> (all remaining dimensions), <see cref="None"/>
/// (inserts a dimension), a boolean mask or an int64 index tensor (advanced indexing).
/// </summary>
public readonly struct TensorIndex
{
    internal enum IndexKind { Single, Slice, Ellipsis, None, Tensor }

    private TensorIndex(IndexKind kind, long single = 0, long? start = null, long? stop = null, long step = 1, Tensor? tensor = null)
    {
        Kind = kind;
        SingleValue = single;
        Start = start;
        Stop = stop;
        Step = step;
        TensorValue = tensor;
    }

    internal IndexKind Kind { get; }
    internal long SingleValue { get; }
    internal long? Start { get; }
    internal long? Stop { get; }
    internal long Step { get; }
    internal Tensor? TensorValue { get; }

    /// <summary>Python's <c>...</c>: as many full slices as needed.</summary>
    public static TensorIndex Ellipsis => new(IndexKind.Ellipsis);

    /// <summary>Python's <c>None</c>: a new dimension of size 1.</summary>
    public static TensorIndex None => new(IndexKind.None);

    /// <summary>A slice <c>start:stop:step</c> (null bounds are the ends; negative bounds count from the end).</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1) => new(IndexKind.Slice, start: start, stop: stop, step: step);

    /// <summary>Selects one position (negative counts from the end).</summary>
    public static implicit operator TensorIndex(long index) => new(IndexKind.Single, single: index);
    /// <summary>Selects one position.</summary>
    public static implicit operator TensorIndex(int index) => new(IndexKind.Single, single: index);
    /// <summary>Selects one position (<c>^1</c> is the last).</summary>
    public static implicit operator TensorIndex(Index index) => new(IndexKind.Single, single: index.IsFromEnd ? -index.Value : index.Value);
    /// <summary>A slice from a C# range: <c>1..3</c>, <c>..</c>, <c>^2..</c>.</summary>
    public static implicit operator TensorIndex(Range range) => new(IndexKind.Slice,
        start: range.Start.IsFromEnd ? -range.Start.Value : range.Start.Value,
        stop: range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);
    /// <summary>A boolean mask or an int64 index tensor.</summary>
    public static implicit operator TensorIndex(Tensor tensor) => new(IndexKind.Tensor, tensor: tensor);
}

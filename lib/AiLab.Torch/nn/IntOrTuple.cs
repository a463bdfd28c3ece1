namespace AiLab.Torch;

/// <summary>
/// An int or a tuple of ints, as PyTorch's <c>_size_1_t</c>/<c>_size_2_t</c> size arguments take them:
/// <c>kernel_size: 3</c> means 3 in every spatial dimension, <c>kernel_size: (3, 5)</c> gives each its own.
/// </summary>
public readonly struct IntOrTuple
{
    // One value broadcast to any number of dimensions, or one value per dimension.
    private readonly long[]? _values;
    private readonly bool _isSingle;

    private IntOrTuple(long[] values, bool isSingle)
    {
        _values = values;
        _isSingle = isSingle;
    }

    /// <summary>The same size in every dimension.</summary>
    public static implicit operator IntOrTuple(long value) => new([value], isSingle: true);
    /// <summary>One size per dimension (2-D).</summary>
    public static implicit operator IntOrTuple((long, long) values) => new([values.Item1, values.Item2], isSingle: false);
    /// <summary>One size per dimension (3-D).</summary>
    public static implicit operator IntOrTuple((long, long, long) values) => new([values.Item1, values.Item2, values.Item3], isSingle: false);
    /// <summary>One size per dimension.</summary>
    public static implicit operator IntOrTuple(long[] values) =>
        new((long[])(values ?? throw new ArgumentNullException(nameof(values))).Clone(), isSingle: false);

    /// <summary>True when one value stands for every dimension.</summary>
    public bool IsSingle => _isSingle;

    /// <summary>
    /// One value per dimension for <paramref name="dims"/> dimensions (PyTorch's <c>_ntuple</c>): a single value
    /// is repeated; a tuple must have exactly <paramref name="dims"/> entries, else an exception names <paramref name="argument"/>.
    /// </summary>
    public long[] Expand(int dims, string argument)
    {
        if (_values is null) throw new ArgumentException($"{argument} was not given", argument);
        if (_isSingle) return Enumerable.Repeat(_values[0], dims).ToArray();
        if (_values.Length != dims)
            throw new ArgumentException($"{argument} must be an int or a tuple of {dims} ints, got {this}", argument);
        return (long[])_values.Clone();
    }

    /// <summary>The values as given: <c>[v]</c> for a single int (a shape such as LayerNorm's normalized_shape).</summary>
    public long[] ToArray() => (long[])(_values ?? []).Clone();

    /// <summary>Python's spelling: <c>3</c> or <c>(3, 5)</c>.</summary>
    public override string ToString() => _values is null ? "None" : _isSingle ? PyRepr.Int(_values[0]) : PyRepr.Tuple(_values);
}

namespace AiLab.Torch;

/// <summary>
/// A float or a tuple of floats, as PyTorch's <c>_ratio_any_t</c> arguments take them:
/// <c>scale_factor: 2</c> scales every spatial dimension by 2, <c>scale_factor: (2, 0.5)</c> each by its own factor.
/// </summary>
public readonly struct FloatOrTuple
{
    private readonly double[]? _values;
    private readonly bool _isSingle;

    private FloatOrTuple(double[] values, bool isSingle)
    {
        _values = values;
        _isSingle = isSingle;
    }

    /// <summary>The same value in every dimension.</summary>
    public static implicit operator FloatOrTuple(double value) => new([value], isSingle: true);
    /// <summary>One value per dimension (2-D).</summary>
    public static implicit operator FloatOrTuple((double, double) values) => new([values.Item1, values.Item2], isSingle: false);
    /// <summary>One value per dimension (3-D).</summary>
    public static implicit operator FloatOrTuple((double, double, double) values) => new([values.Item1, values.Item2, values.Item3], isSingle: false);
    /// <summary>One value per dimension.</summary>
    public static implicit operator FloatOrTuple(double[] values) =>
        new((double[])(values ?? throw new ArgumentNullException(nameof(values))).Clone(), isSingle: false);

    /// <summary>One value per dimension for <paramref name="dims"/> dimensions; a tuple of another length throws, naming <paramref name="argument"/>.</summary>
    public double[] Expand(int dims, string argument)
    {
        if (_values is null) throw new ArgumentException($"{argument} was not given", argument);
        if (_isSingle) return Enumerable.Repeat(_values[0], dims).ToArray();
        if (_values.Length != dims)
            throw new ArgumentException($"{argument} must be a float or a tuple of {dims} floats, got {this}", argument);
        return (double[])_values.Clone();
    }

    /// <summary>Python's spelling: <c>2.0</c> or <c>(2.0, 0.5)</c>.</summary>
    public override string ToString() => _values is null ? "None" : _isSingle ? PyRepr.Float(_values[0]) : PyRepr.Tuple(_values);
}

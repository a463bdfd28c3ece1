namespace AiLab.Data;

/// <summary>
/// A per-feature affine scaler, <c>x' = (x − offset) / scale</c>, fitted on training data and then applied
/// unchanged to validation and test data (fit-on-train / transform semantics). NaN stays NaN: fitting
/// ignores missing values and transforming keeps them, as scikit-learn does.
/// </summary>
public abstract class FeatureScaler
{
    private double[]? offsets;
    private double[]? scales;

    private protected FeatureScaler()
    {
    }

    /// <summary>Whether <c>Fit</c> has been called.</summary>
    public bool IsFitted => offsets is not null;

    /// <summary>Number of features the scaler was fitted on.</summary>
    public int FeatureCount => Offsets.Length;

    /// <summary>Transforms each row of <paramref name="x"/> (n × <see cref="FeatureCount"/>) with the fitted parameters.</summary>
    public double[,] Transform(double[,] x) => Apply(x, inverse: false);

    /// <summary>Undoes <see cref="Transform(double[,])"/>.</summary>
    public double[,] InverseTransform(double[,] x) => Apply(x, inverse: true);

    /// <summary>Transforms a single-feature series (the scaler must have been fitted on one feature).</summary>
    public double[] Transform(double[] values) => Transform(AsColumn(values)).GetColumn(0);

    /// <summary>Undoes <see cref="Transform(double[])"/>.</summary>
    public double[] InverseTransform(double[] values) => InverseTransform(AsColumn(values)).GetColumn(0);

    private protected double[] Offsets => offsets ?? throw NotFitted();

    private protected double[] Scales => scales ?? throw NotFitted();

    /// <summary>Stores the fitted parameters; a zero scale (constant feature) becomes 1, as in scikit-learn.</summary>
    private protected void SetParameters(double[] newOffsets, double[] newScales)
    {
        offsets = newOffsets;
        scales = [.. newScales.Select(scale => scale == 0 ? 1 : scale)];
    }

    /// <summary>Each column's values without NaN; throws when a column has none.</summary>
    private protected static double[][] PresentColumns(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.GetLength(0) == 0)
            throw new ArgumentException("Cannot fit on zero samples.", nameof(x));
        var result = new double[x.GetLength(1)][];
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = [.. x.GetColumn(j).Where(v => !double.IsNaN(v))];
            if (result[j].Length == 0)
                throw new ArgumentException($"Feature {j} has only missing values (NaN); it cannot be fitted.", nameof(x));
        }
        return result;
    }

    private protected static double[,] AsColumn(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var column = new double[values.Length, 1];
        for (int i = 0; i < values.Length; i++)
            column[i, 0] = values[i];
        return column;
    }

    private double[,] Apply(double[,] x, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] offset = Offsets, scale = Scales;
        if (x.GetLength(1) != offset.Length)
            throw new ArgumentException(
                $"{GetType().Name} was fitted on {offset.Length} features; x has {x.GetLength(1)}.", nameof(x));
        var result = new double[x.GetLength(0), x.GetLength(1)];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < offset.Length; j++)
                result[i, j] = inverse ? x[i, j] * scale[j] + offset[j] : (x[i, j] - offset[j]) / scale[j];
        return result;
    }

    private protected InvalidOperationException NotFitted() =>
        new($"{GetType().Name} is not fitted: call Fit on the training data before transforming.");
}

namespace AiLab.Classic;

/// <summary>
/// Argument checks shared by the estimators and explainers. Every failure names the argument and,
/// where it helps, the offending row/column and value, so a notebook error points at its cause.
/// </summary>
internal static class Guard
{
    /// <summary>Checks a non-empty feature matrix; NaN is allowed only where the caller imputes it.</summary>
    public static void Matrix(double[,]? x, string name, bool allowNaN = false)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        int rows = x.GetLength(0), cols = x.GetLength(1);
        if (rows == 0 || cols == 0)
            throw new ArgumentException($"{name} must have at least one row and one column (got {rows}×{cols}).", name);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double v = x[i, j];
                if (double.IsFinite(v) || (allowNaN && double.IsNaN(v))) continue;
                string hint = double.IsNaN(v) ? " Impute missing values first (SimpleImputer, KNNImputer, IterativeImputer)." : "";
                throw new ArgumentException($"{name}[{i},{j}] is {v}; finite values are required.{hint}", name);
            }
    }

    /// <summary>Checks a vector of finite values of the expected length.</summary>
    public static void Vector(double[]? v, int length, string name, string lengthOf)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Length != length)
            throw new ArgumentException($"{name} has {v.Length} entries but {lengthOf} has {length}.", name);
        for (int i = 0; i < v.Length; i++)
            if (!double.IsFinite(v[i]))
                throw new ArgumentException($"{name}[{i}] is {v[i]}; finite values are required.", name);
    }

    /// <summary>Checks a label vector of the expected length.</summary>
    public static void Labels(int[]? y, int length, string name, string lengthOf)
    {
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.Length != length)
            throw new ArgumentException($"{name} has {y.Length} entries but {lengthOf} has {length}.", name);
    }

    /// <summary>Checks optional sample weights: right length, finite, non-negative, positive total.</summary>
    public static double[] SampleWeights(double[]? w, int length, string name = "sampleWeight")
    {
        if (w is null) return Enumerable.Repeat(1.0, length).ToArray();
        Vector(w, length, name, "X");
        if (w.Any(v => v < 0)) throw new ArgumentException($"{name} must be non-negative.", name);
        if (w.Sum() <= 0) throw new ArgumentException($"{name} must have a positive sum.", name);
        return w;
    }

    /// <summary>Checks that X has the number of features the estimator was fitted with.</summary>
    public static void Features(double[,] x, int expected, string name, string estimator)
    {
        if (x.GetLength(1) != expected)
            throw new ArgumentException($"{name} has {x.GetLength(1)} features but {estimator} was fitted with {expected}.", name);
    }

    /// <summary>Returns the fitted state or throws when <c>Fit</c> has not run.</summary>
    public static T Fitted<T>(T? state, string estimator) where T : class =>
        state ?? throw new InvalidOperationException($"{estimator} is not fitted yet: call Fit first.");

    /// <summary>Checks <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(int value, int min, string name)
    {
        if (value < min) throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ {min}.");
    }

    /// <summary>Checks <paramref name="value"/> &gt; 0 and finite.</summary>
    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
    }

    /// <summary>Checks <paramref name="value"/> ≥ 0 and finite.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a non-negative finite number.");
    }

    /// <summary>Checks <paramref name="value"/> in the half-open interval (low, high].</summary>
    public static void InRange(double value, double lowExclusive, double highInclusive, string name)
    {
        if (!(value > lowExclusive && value <= highInclusive))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in ({lowExclusive}, {highInclusive}].");
    }
}

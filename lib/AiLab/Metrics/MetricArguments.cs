namespace AiLab.Metrics;

/// <summary>
/// Argument checks shared by every metric: each failure is an <see cref="ArgumentException"/> that names the
/// argument and, for element checks, the offending index and value.
/// </summary>
internal static class MetricArguments
{
    public static void NotEmpty(int length, string name)
    {
        if (length == 0)
            throw new ArgumentException("must not be empty.", name);
    }

    public static void SameLength(int length, int otherLength, string name, string otherName)
    {
        if (length != otherLength)
            throw new ArgumentException($"has {length} elements but {otherName} has {otherLength}; they must have the same length.", name);
    }

    /// <summary>Both arrays non-empty and of equal length: the common precondition of paired metrics.</summary>
    public static void Paired(int length, int otherLength, string name, string otherName)
    {
        NotEmpty(length, name);
        SameLength(otherLength, length, otherName, name);
    }

    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"must be finite, but element {i} is {values[i]}.", name);
    }

    public static void Finite(double[,] values, string name)
    {
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++)
                if (!double.IsFinite(values[i, j]))
                    throw new ArgumentException($"must be finite, but element [{i}, {j}] is {values[i, j]}.", name);
    }

    public static void Probabilities(ReadOnlySpan<double> values, string name)
    {
        Finite(values, name);
        for (int i = 0; i < values.Length; i++)
            if (values[i] < 0 || values[i] > 1)
                throw new ArgumentException($"must hold probabilities in [0, 1], but element {i} is {values[i]}.", name);
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "must be positive.");
    }

    public static void ZeroDivision(double zeroDivision, string name)
    {
        // scikit-learn 1.2 accepts exactly 0 and 1 here ("warn" behaves as 0).
        if (zeroDivision != 0.0 && zeroDivision != 1.0)
            throw new ArgumentOutOfRangeException(name, zeroDivision, "must be 0 or 1 (the value a 0/0 ratio takes).");
    }

    public static void Probability(double value, string name, bool allowZero, bool allowOne)
    {
        bool ok = (value > 0 || (allowZero && value == 0)) && (value < 1 || (allowOne && value == 1));
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"must lie in {(allowZero ? "[" : "(")}0, 1{(allowOne ? "]" : ")")}.");
    }
}

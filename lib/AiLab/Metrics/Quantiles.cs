namespace AiLab.Metrics;

/// <summary>Sample quantiles with NumPy's default ("linear", Hyndman–Fan type 7) definition.</summary>
internal static class Quantiles
{
    /// <summary>Sorted copy of the values (NaN rejected by the callers' checks).</summary>
    public static double[] Sorted(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// The q-quantile of already sorted values, as <c>numpy.quantile(values, q)</c>: position q·(n−1), linear
    /// interpolation between the neighbours, evaluated from the nearer end exactly as NumPy's <c>_lerp</c> does.
    /// </summary>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
            throw new ArgumentException("cannot take a quantile of no values.", nameof(sorted));
        if (!(q >= 0 && q <= 1))
            throw new ArgumentOutOfRangeException(nameof(q), q, "must lie in [0, 1].");
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
            return sorted[^1];
        double t = position - below;
        double a = sorted[below], b = sorted[below + 1];
        double difference = b - a;
        // NumPy interpolates from the upper neighbour when t >= 0.5, which keeps the result monotone in q.
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}

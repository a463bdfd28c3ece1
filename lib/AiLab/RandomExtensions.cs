namespace AiLab;

/// <summary>Seeded sampling helpers over <see cref="Random"/> (deterministic for a given seed), shared by
/// the classic algorithms, the explainers and the synthetic data generators.</summary>
internal static class RandomExtensions
{
    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double NextDouble(this Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1]: log(0) never happens
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary><paramref name="count"/> distinct indices drawn uniformly from 0..<paramref name="n"/>-1 (partial Fisher–Yates).</summary>
    public static int[] SampleWithoutReplacement(this Random rng, int n, int count)
    {
        var pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        for (int i = 0; i < count; i++)
        {
            int j = rng.Next(i, n);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>A random permutation of 0..<paramref name="n"/>-1.</summary>
    public static int[] Permutation(this Random rng, int n) => rng.SampleWithoutReplacement(n, n);

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/> (non-negative, positive sum).</summary>
    public static int NextWeighted(this Random rng, ReadOnlySpan<double> weights, double total)
    {
        double u = rng.NextDouble() * total, cumulative = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (u < cumulative) return i;
        }
        // Rounding can leave u at the very top: return the last index with positive weight.
        for (int i = weights.Length - 1; i >= 0; i--) if (weights[i] > 0) return i;
        return weights.Length - 1;
    }
}

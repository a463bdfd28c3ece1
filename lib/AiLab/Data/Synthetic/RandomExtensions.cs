namespace AiLab.Data;

/// <summary>Draws the synthetic generators need beyond <see cref="Random"/>'s own.</summary>
internal static class RandomExtensions
{
    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double NextDouble(this Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite).</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

namespace AiLab.Tests.Classic;

/// <summary>Seeded synthetic data sets with known structure for the algorithm tests.</summary>
internal static class TestData
{
    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double[,] Normal(int n, int d, int seed, double scale = 1.0)
    {
        var rng = new Random(seed);
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] = scale * Gaussian(rng);
        return x;
    }

    /// <summary>Isotropic Gaussian blobs of <paramref name="perBlob"/> points around the given centres.</summary>
    public static (double[,] X, int[] Labels) Blobs(double[][] centers, int perBlob, double std, int seed)
    {
        var rng = new Random(seed);
        int d = centers[0].Length;
        var x = new double[centers.Length * perBlob, d];
        var labels = new int[centers.Length * perBlob];
        for (int c = 0; c < centers.Length; c++)
            for (int p = 0; p < perBlob; p++)
            {
                int i = c * perBlob + p;
                labels[i] = c;
                for (int j = 0; j < d; j++) x[i, j] = centers[c][j] + std * Gaussian(rng);
            }
        return (x, labels);
    }

    /// <summary>
    /// Asserts two labelings define the same partition (adjusted Rand index 1): a bijection maps one onto
    /// the other.
    /// </summary>
    public static void AssertSamePartition(int[] expected, int[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (int i = 0; i < expected.Length; i++)
        {
            if (forward.TryGetValue(expected[i], out int a)) Assert.True(a == actual[i], $"row {i}: cluster {expected[i]} split between {a} and {actual[i]}");
            else forward[expected[i]] = actual[i];
            if (backward.TryGetValue(actual[i], out int e)) Assert.True(e == expected[i], $"row {i}: found cluster {actual[i]} merges {e} and {expected[i]}");
            else backward[actual[i]] = expected[i];
        }
    }

    public static double[] Column(double[,] x, int j) => Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, j]).ToArray();
}

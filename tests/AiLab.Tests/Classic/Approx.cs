namespace AiLab.Tests.Classic;

/// <summary>Element-wise tolerance assertions that report the first offending index and both values.</summary>
internal static class Approx
{
    public static void Equal(double expected, double actual, double tolerance, string what = "value")
    {
        Assert.False(double.IsNaN(actual), $"{what}: got NaN, expected {expected}");
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):G3} > {tolerance:G3})");
    }

    public static void Equal(double[] expected, double[] actual, double tolerance, string what = "vector")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Equal(expected[i], actual[i], tolerance, $"{what}[{i}]");
    }

    public static void Equal(double[,] expected, double[,] actual, double tolerance, string what = "matrix")
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++) Equal(expected[i, j], actual[i, j], tolerance, $"{what}[{i},{j}]");
    }
}

namespace AiLab.Tests.Explain;

/// <summary>Closed-form test models (batch in, one output per row) with known gradients and Shapley values.</summary>
internal static class Models
{
    public static Func<double[,], double[]> PerRow(Func<double[], double> f) => x =>
        Enumerable.Range(0, x.GetLength(0)).Select(i => f(Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray())).ToArray();

    /// <summary>A nonlinear model with interactions over d ≥ 4 features that ignores feature 3 (a dummy).</summary>
    public static double Nonlinear(double[] x)
    {
        double s = Math.Tanh(x[0] - 0.5 * x[1]) + x[0] * x[2] + Math.Sin(x[1]) * x[2] * x[2];
        for (int j = 4; j < x.Length; j++) s += 0.3 * j * Math.Cos(x[j]) * x[0] + 0.1 * x[j];
        return s;
    }

    public static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double cov = a.Zip(b).Sum(t => (t.First - ma) * (t.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    public static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();
}

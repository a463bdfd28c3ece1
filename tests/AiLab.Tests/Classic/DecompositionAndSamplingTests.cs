using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class DecompositionAndSamplingTests
{
    [Fact]
    public void Pca_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("pca");
        var x = f.Matrix("X");
        var pca = new PCA(nComponents: 3).Fit(x);
        Approx.Equal(f.Matrix("components"), pca.Components, 1e-10, "components");
        Approx.Equal(f.Vector("explained_variance"), pca.ExplainedVariance, 1e-10, "explained variance");
        Approx.Equal(f.Vector("explained_variance_ratio"), pca.ExplainedVarianceRatio, 1e-12, "ratio");
        Approx.Equal(f.Vector("singular_values"), pca.SingularValues, 1e-10, "singular values");
        Approx.Equal(f.Matrix("transform"), pca.Transform(LogisticRegressionTests.First(x, 5)), 1e-10, "transform");
    }

    [Fact]
    public void Pca_AgreesWithSvdIdentities()
    {
        // Oracles independent of any SVD routine: orthonormal components, projection variances equal to
        // the explained variances, uncorrelated projections, exact reconstruction with all components,
        // and total variance preserved.
        var x = TestData.Normal(80, 5, seed: 51);
        for (int i = 0; i < 80; i++) { x[i, 1] += 2 * x[i, 0]; x[i, 4] = x[i, 3] - x[i, 2]; }
        var pca = new PCA().Fit(x);
        var c = pca.Components;
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
                Approx.Equal(a == b ? 1 : 0, Enumerable.Range(0, 5).Sum(j => c[a, j] * c[b, j]), 1e-10, $"VVᵀ[{a},{b}]");
        var z = pca.Transform(x);
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
            {
                double cov = Enumerable.Range(0, 80).Sum(i => z[i, a] * z[i, b]) / 79;
                Approx.Equal(a == b ? pca.ExplainedVariance[a] : 0, cov, 1e-9, $"cov(z)[{a},{b}]");
            }
        Approx.Equal(x, pca.InverseTransform(z), 1e-10, "reconstruction");
        double totalVariance = Enumerable.Range(0, 5).Sum(j => Variance(TestData.Column(x, j)));
        Approx.Equal(totalVariance, pca.ExplainedVariance.Sum(), 1e-9, "total variance");
        Assert.True(pca.ExplainedVariance[4] < 1e-20 * totalVariance + 1e-12, "x4 is a linear combination: last variance ≈ 0");
    }

    [Fact]
    public void Pca_Whiten_GivesUnitVarianceProjections()
    {
        var x = TestData.Normal(60, 4, seed: 52, scale: 3);
        var pca = new PCA(nComponents: 2, whiten: true);
        var z = pca.FitTransform(x);
        for (int c = 0; c < 2; c++) Approx.Equal(1.0, Variance(TestData.Column(z, c)), 1e-10, $"var(z{c})");
        var back = pca.InverseTransform(z);
        var projected = new PCA(nComponents: 2).Fit(x);
        Approx.Equal(projected.InverseTransform(projected.Transform(x)), back, 1e-10);
    }

    [Fact]
    public void Pca_TooManyComponents_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PCA(nComponents: 4).Fit(TestData.Normal(3, 5, 1)));
        Assert.Contains("nComponents = 4", ex.Message);
    }

    [Fact]
    public void Smote_SyntheticPointsLieOnSegmentsBetweenMinorityNeighbours()
    {
        var (x, y) = Imbalanced(seed: 53);
        var result = new SMOTE(kNeighbors: 5, seed: 1).FitResample(x, y);
        int n = x.GetLength(0), d = x.GetLength(1);
        var minority = Enumerable.Range(0, n).Where(i => y[i] == 1).ToArray();
        Assert.Equal(n, result.OriginalCount);
        Assert.Equal(2 * 90, result.Y.Length);
        Assert.Equal(90, result.Y.Count(l => l == 1));
        for (int s = 0; s < result.Parent.Length; s++)
        {
            int p = result.Parent[s], q = result.Neighbor[s];
            Assert.Equal(1, y[p]);
            Assert.Equal(1, y[q]);
            Assert.NotEqual(p, q);
            // q is among p's 5 nearest minority neighbours.
            var nearest = minority.Where(m => m != p).OrderBy(m => Distance2(x, m, p)).Take(5);
            Assert.Contains(q, nearest);
            // The synthetic point is x_p + gap·(x_q − x_p) with gap in [0, 1).
            double gap = result.Gap[s];
            Assert.InRange(gap, 0, 1);
            for (int j = 0; j < d; j++)
                Approx.Equal(x[p, j] + gap * (x[q, j] - x[p, j]), result.X[n + s, j], 1e-12, $"synthetic {s} coordinate {j}");
        }
    }

    [Fact]
    public void Smote_SamplingRatioAndOriginalRows_AreRespected()
    {
        var (x, y) = Imbalanced(seed: 54);
        var result = new SMOTE(samplingRatio: 0.5, seed: 2).FitResample(x, y);
        Assert.Equal(45, result.Y.Count(l => l == 1));
        for (int i = 0; i < x.GetLength(0); i++)
        {
            Assert.Equal(y[i], result.Y[i]);
            for (int j = 0; j < x.GetLength(1); j++) Assert.Equal(x[i, j], result.X[i, j]);
        }
    }

    private static (double[,] X, int[] Y) Imbalanced(int seed)
    {
        var (x, labels) = TestData.Blobs([[0, 0, 0], [3, 3, 3]], 90, 1.0, seed);
        // Keep all of class 0 and 12 rows of class 1.
        var keep = Enumerable.Range(0, 180).Where(i => labels[i] == 0 || i < 102).ToArray();
        var xs = new double[keep.Length, 3];
        for (int r = 0; r < keep.Length; r++) for (int j = 0; j < 3; j++) xs[r, j] = x[keep[r], j];
        return (xs, keep.Select(i => labels[i]).ToArray());
    }

    private static double Distance2(double[,] x, int a, int b) =>
        Enumerable.Range(0, x.GetLength(1)).Sum(j => Math.Pow(x[a, j] - x[b, j], 2));

    private static double Variance(double[] v)
    {
        double mean = v.Average();
        return v.Sum(e => (e - mean) * (e - mean)) / (v.Length - 1);
    }
}

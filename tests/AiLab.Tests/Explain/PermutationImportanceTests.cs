using AiLab.Explain;
using AiLab.Tests.Classic;

namespace AiLab.Tests.Explain;

public sealed class PermutationImportanceTests
{
    private static double NegativeMse(double[] y, double[] p) => -y.Zip(p).Average(t => (t.First - t.Second) * (t.First - t.Second));

    [Fact]
    public void Compute_UnusedFeatures_HaveExactlyZeroImportance()
    {
        var x = TestData.Normal(150, 4, seed: 91);
        var y = Enumerable.Range(0, 150).Select(i => 3 * x[i, 0] + x[i, 2]).ToArray();
        var model = Models.PerRow(r => 3 * r[0] + r[2]);
        var result = PermutationImportance.Compute(model, x, y, NegativeMse, nRepeats: 10, seed: 1);
        Assert.Equal(0.0, result.BaselineScore);
        foreach (int j in new[] { 1, 3 })
        {
            Assert.Equal(0.0, result.ImportancesMean[j]);
            Assert.Equal(0.0, result.ImportancesStd[j]);
        }
        Assert.Equal([0, 2, 1, 3], result.FeatureOrder()[..2].Concat(result.FeatureOrder()[2..].Order()).ToArray());
    }

    [Fact]
    public void Compute_LinearModel_MatchesExpectedDropOverRandomPermutations()
    {
        // Model and target y = w·x0. For a uniformly random permutation π,
        // E[mean((w·x_i − w·x_π(i))²)] = 2w²·n/(n − 1)·Var_pop(x0) (derangement-free expectation).
        const int n = 200;
        const double w = 2.0;
        var x = TestData.Normal(n, 2, seed: 92);
        var y = Enumerable.Range(0, n).Select(i => w * x[i, 0]).ToArray();
        var result = PermutationImportance.Compute(Models.PerRow(r => w * r[0]), x, y, NegativeMse, nRepeats: 400, seed: 3);
        var x0 = TestData.Column(x, 0);
        double mean = x0.Average();
        double variance = x0.Average(v => (v - mean) * (v - mean));
        double expected = 2 * w * w * n / (n - 1.0) * variance;
        Assert.True(Math.Abs(result.ImportancesMean[0] - expected) < 0.03 * expected,
            $"mean importance {result.ImportancesMean[0]}, expected {expected}");
        // Population std over the repeats, as scikit-learn.
        var drops = Enumerable.Range(0, 400).Select(r => result.Importances[0, r]).ToArray();
        double std = Math.Sqrt(drops.Average(v => (v - drops.Average()) * (v - drops.Average())));
        Approx.Equal(std, result.ImportancesStd[0], 1e-12, "std");
    }

    [Fact]
    public void Compute_SameSeed_IsDeterministicAndDifferentSeedsDiffer()
    {
        var x = TestData.Normal(50, 3, seed: 93);
        Func<double[,], double> score = data => Enumerable.Range(0, 50).Sum(i => data[i, 0] * x[i, 0] + data[i, 1] * x[i, 1]);
        var a = PermutationImportance.Compute(x, score, seed: 4);
        var b = PermutationImportance.Compute(x, score, seed: 4);
        var c = PermutationImportance.Compute(x, score, seed: 5);
        Approx.Equal(a.Importances, b.Importances, 0);
        Assert.NotEqual(a.ImportancesMean[0], c.ImportancesMean[0]);
        Assert.Equal(["x0", "x1", "x2"], a.FeatureNames);
    }

    [Fact]
    public void Compute_NonFiniteScore_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PermutationImportance.Compute(TestData.Normal(5, 2, 1), _ => double.NaN));
        Assert.Contains("finite", ex.Message);
    }
}

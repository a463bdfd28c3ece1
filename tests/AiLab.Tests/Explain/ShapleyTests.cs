using AiLab.Explain;
using AiLab.Tests.Classic;

namespace AiLab.Tests.Explain;

public sealed class ShapleyTests
{
    private static readonly Func<double[,], double[]> Nonlinear = Models.PerRow(Models.Nonlinear);

    [Fact]
    public void Exact_NonlinearModel_SatisfiesEfficiencyAndDummy()
    {
        var background = TestData.Normal(20, 6, seed: 71);
        var x = TestData.Normal(5, 6, seed: 72);
        var explanation = new ExactExplainer(Nonlinear, background).Explain(x);
        double expected = Enumerable.Range(0, 20).Average(i => Nonlinear(Row(background, i))[0]);
        Approx.Equal(expected, explanation.BaseValue, 1e-12, "E[f]");
        var fx = Nonlinear(x);
        for (int i = 0; i < 5; i++)
        {
            Approx.Equal(fx[i] - explanation.BaseValue, explanation.SumOfValues(i), 1e-9, $"efficiency row {i}");
            Approx.Equal(fx[i], explanation.Prediction(i), 1e-9, $"prediction row {i}");
            Assert.Equal(0.0, explanation.Values[i, 3]); // the model ignores feature 3
        }
    }

    [Fact]
    public void Exact_LinearModel_EqualsWeightTimesDeviationFromBackgroundMean()
    {
        double[] w = [2, -1, 0.5, 0, 3];
        var model = Models.PerRow(x => 1.5 + x.Zip(w).Sum(t => t.First * t.Second));
        var background = TestData.Normal(30, 5, seed: 73);
        var x = TestData.Normal(4, 5, seed: 74);
        var explanation = new ExactExplainer(model, background).Explain(x);
        var mean = Enumerable.Range(0, 5).Select(j => TestData.Column(background, j).Average()).ToArray();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 5; j++)
                Approx.Equal(w[j] * (x[i, j] - mean[j]), explanation.Values[i, j], 1e-10, $"φ[{i},{j}]");
    }

    [Fact]
    public void Exact_SymmetricFeatures_GetEqualValues()
    {
        // f symmetric in x0, x1; background exchangeable in (x0, x1); explained row has x0 = x1.
        var model = Models.PerRow(x => x[0] * x[1] + Math.Exp(x[0] + x[1]) + x[2]);
        double[,] background = { { 1, 2, 0 }, { 2, 1, 0 }, { -1, 0.5, 1 }, { 0.5, -1, 1 } };
        var explanation = new ExactExplainer(model, background).Explain([0.7, 0.7, -2]);
        Approx.Equal(explanation.Values[0, 0], explanation.Values[0, 1], 1e-12, "φ0 vs φ1");
        Assert.NotEqual(0, explanation.Values[0, 0], 3);
    }

    [Fact]
    public void Exact_ProductWithZeroBackground_SplitsTheInteractionEqually()
    {
        // v(∅) = v({0}) = v({1}) = 0 and v({0, 1}) = x0·x1: each feature gets x0·x1 / 2.
        var model = Models.PerRow(x => x[0] * x[1]);
        var explanation = new ExactExplainer(model, new double[1, 2]).Explain([3.0, 5.0]);
        Approx.Equal([7.5, 7.5], explanation.RowValues(0), 1e-12);
    }

    [Fact]
    public void Exact_WeightedBackground_EqualsDuplicatedBackground()
    {
        double[,] background = { { 0, 1, 2, 0 }, { 1, -1, 0, 3 } };
        double[,] duplicated = { { 0, 1, 2, 0 }, { 1, -1, 0, 3 }, { 1, -1, 0, 3 }, { 1, -1, 0, 3 } };
        double[] x = [0.5, 0.2, -1, 1];
        var weighted = new ExactExplainer(Nonlinear, background, backgroundWeights: [1, 3]).Explain(x);
        var plain = new ExactExplainer(Nonlinear, duplicated).Explain(x);
        Approx.Equal(plain.BaseValue, weighted.BaseValue, 1e-12);
        Approx.Equal(plain.Values, weighted.Values, 1e-12);
    }

    [Fact]
    public void Kernel_FullBudgetOnEightFeatures_EqualsExact()
    {
        var background = TestData.Normal(10, 8, seed: 75);
        var x = TestData.Normal(3, 8, seed: 76);
        var exact = new ExactExplainer(Nonlinear, background).Explain(x);
        // 2^8 − 2 = 254 coalitions fit the default budget (2·8 + 2048): every coalition is enumerated.
        var kernel = new KernelExplainer(Nonlinear, background).Explain(x);
        Approx.Equal(exact.Values, kernel.Values, 1e-9, "φ");
        Approx.Equal(exact.BaseValue, kernel.BaseValue, 1e-12, "E[f]");
    }

    [Fact]
    public void Kernel_EightFeaturesSampledBudget_CorrelatesWithExact()
    {
        // 120 of the 254 coalitions: sizes 1 and 7 are enumerated, the rest sampled.
        var background = TestData.Normal(10, 8, seed: 81);
        var x = TestData.Normal(6, 8, seed: 82);
        var exact = new ExactExplainer(Nonlinear, background).Explain(x);
        var kernel = new KernelExplainer(Nonlinear, background, seed: 3).Explain(x, nSamples: 120);
        var fx = Nonlinear(x);
        for (int i = 0; i < 6; i++) Approx.Equal(fx[i] - kernel.BaseValue, kernel.SumOfValues(i), 1e-6, $"efficiency row {i}");
        double correlation = Models.Correlation(Models.Flatten(exact.Values), Models.Flatten(kernel.Values));
        Assert.True(correlation >= 0.99, $"correlation {correlation}");
    }

    [Fact]
    public void Kernel_SampledCoalitions_KeepEfficiencyAndConvergeToExact()
    {
        var background = TestData.Normal(8, 12, seed: 77);
        var x = TestData.Normal(4, 12, seed: 78);
        var exact = new ExactExplainer(Nonlinear, background).Explain(x);
        var fx = Nonlinear(x);
        var errors = new List<double>();
        // 2^12 − 2 = 4094 coalitions exist: every budget below samples (after enumerating the sizes it can afford).
        foreach (int budget in new[] { 100, 600, 3000 })
        {
            var kernel = new KernelExplainer(Nonlinear, background, seed: 5).Explain(x, nSamples: budget);
            for (int i = 0; i < 4; i++)
            {
                Approx.Equal(fx[i] - kernel.BaseValue, kernel.SumOfValues(i), 1e-6, $"efficiency, budget {budget}, row {i}");
                // The ignored feature is estimated by regression, so it is only near 0 when coalitions are sampled.
                if (budget == 3000) Assert.True(Math.Abs(kernel.Values[i, 3]) < 0.02, $"dummy φ = {kernel.Values[i, 3]}");
            }
            errors.Add(Models.Flatten(exact.Values).Zip(Models.Flatten(kernel.Values)).Max(t => Math.Abs(t.First - t.Second)));
            Assert.True(Models.Correlation(Models.Flatten(exact.Values), Models.Flatten(kernel.Values)) >= 0.99, $"correlation at budget {budget}");
        }
        Assert.True(errors[2] < errors[0], $"max error by budget: {string.Join(", ", errors)}");
        Assert.True(errors[2] < 0.05, $"max error at 3000 coalitions: {errors[2]}");
    }

    [Fact]
    public void Kernel_FeatureEqualToAllBackgroundValues_GetsExactlyZero()
    {
        var background = TestData.Normal(6, 5, seed: 79);
        for (int r = 0; r < 6; r++) background[r, 1] = 0.25;
        var kernel = new KernelExplainer(Models.PerRow(x => x[0] * x[1] + x[1] * x[2] + x[4]), background).Explain([1, 0.25, -1, 2, 0.5]);
        Assert.Equal(0.0, kernel.Values[0, 1]);
    }

    [Fact]
    public void Kernel_SingleVaryingFeature_GetsTheWholeDifference()
    {
        double[,] background = { { 0, 1 }, { 2, 1 } };
        var kernel = new KernelExplainer(Models.PerRow(x => x[0] * x[0] + x[1]), background).Explain([3.0, 1.0]);
        Approx.Equal([9 + 1 - 3.0, 0], kernel.RowValues(0), 1e-12);
    }

    [Fact]
    public void Kernel_KMeansBackground_IsWeightedByClusterSize()
    {
        var data = TestData.Normal(60, 4, seed: 80);
        var (centres, weights) = ShapBackground.KMeans(data, k: 5, seed: 1);
        Assert.Equal(60, weights.Sum());
        var explainer = new KernelExplainer(Nonlinear, centres, weights);
        double expected = Enumerable.Range(0, 5).Sum(c => weights[c] * Nonlinear(Row(centres, c))[0]) / 60;
        Approx.Equal(expected, explainer.ExpectedValue, 1e-12);
        var sample = ShapBackground.Sample(data, 10, seed: 2);
        Assert.Equal(10, sample.GetLength(0));
    }

    [Fact]
    public void Explanation_Helpers_SummarizeTheValues()
    {
        var explanation = new ShapExplanation(1.0, new double[,] { { 1, -2, 0 }, { -3, 0, 1 } }, new double[2, 3], ["a", "b", "c"]);
        Approx.Equal([2, 1, 0.5], explanation.MeanAbsoluteValues(), 1e-12);
        Assert.Equal([0, 1, 2], explanation.FeatureOrder());
        Assert.Equal(-1.0, explanation.SumOfValues(0));
        Assert.Equal(-1.0, explanation.Prediction(1));
    }

    [Fact]
    public void Explainers_BadInput_ThrowClearErrors()
    {
        var background = TestData.Normal(3, 21, seed: 1);
        var ex = Assert.Throws<ArgumentException>(() => new ExactExplainer(x => new double[x.GetLength(0)], background));
        Assert.Contains("KernelExplainer", ex.Message);
        var wrong = Assert.Throws<InvalidOperationException>(() => new KernelExplainer(x => new double[1], TestData.Normal(3, 2, 1)));
        Assert.Contains("one per row", wrong.Message);
        var names = Assert.Throws<ArgumentException>(() => new KernelExplainer(x => new double[x.GetLength(0)], TestData.Normal(3, 2, 1), featureNames: ["a"]));
        Assert.Contains("featureNames", names.Message);
    }

    private static double[,] Row(double[,] m, int i)
    {
        var r = new double[1, m.GetLength(1)];
        for (int j = 0; j < m.GetLength(1); j++) r[0, j] = m[i, j];
        return r;
    }
}

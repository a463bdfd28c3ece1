using AiLab.Explain;
using AiLab.Tests.Classic;

namespace AiLab.Tests.Explain;

public sealed class LimeTests
{
    [Fact]
    public void ExplainInstance_LinearModel_RecoversSlopesPerStandardDeviation()
    {
        var training = TestData.Normal(300, 3, seed: 101);
        for (int i = 0; i < 300; i++) { training[i, 1] *= 5; training[i, 2] = 10 + 0.2 * training[i, 2]; }
        double[] w = [1.5, -0.4, 3.0];
        var model = Models.PerRow(x => 2 + x.Zip(w).Sum(t => t.First * t.Second));
        var explainer = new LimeTabularExplainer(training);
        var lime = explainer.ExplainInstance([0.3, -2, 10.1], model, alpha: 0);
        Approx.Equal(1.0, lime.Score, 1e-10, "R²");
        Approx.Equal(w, lime.CoefficientsPerUnit(), 1e-9, "slope per unit");
        for (int j = 0; j < 3; j++) Approx.Equal(w[j] * lime.Scale[j], lime.Coefficients[j], 1e-9, $"standardized slope {j}");
        Approx.Equal(lime.ModelPrediction, lime.LocalPrediction, 1e-9, "local prediction");
    }

    [Fact]
    public void ExplainInstance_NarrowKernel_ApproximatesTheLocalGradient()
    {
        // f(x) = sin(x0) + x1²: at x = (0.4, −1) the gradient is (cos 0.4, −2). A narrow kernel sees it.
        var training = TestData.Normal(400, 2, seed: 102);
        var model = Models.PerRow(x => Math.Sin(x[0]) + x[1] * x[1]);
        var explainer = new LimeTabularExplainer(training, featureNames: ["a", "b"], kernelWidth: 0.1);
        var lime = explainer.ExplainInstance([0.4, -1], model, numSamples: 20000, alpha: 1e-3);
        var slope = lime.CoefficientsPerUnit();
        Assert.True(Math.Abs(slope[0] - Math.Cos(0.4)) < 0.05, $"∂f/∂x0 ≈ {slope[0]}");
        Assert.True(Math.Abs(slope[1] + 2) < 0.1, $"∂f/∂x1 ≈ {slope[1]}");
        Assert.True(lime.Score > 0.9, $"local R² {lime.Score}");
        Assert.Equal(["a", "b"], lime.FeatureNames);
    }

    [Fact]
    public void ExplainInstance_SameSeed_IsDeterministic()
    {
        var training = TestData.Normal(100, 3, seed: 103);
        var model = Models.PerRow(x => Math.Tanh(x[0] * x[1]) + x[2]);
        var a = new LimeTabularExplainer(training, seed: 7).ExplainInstance([0.1, 0.2, 0.3], model, numSamples: 500);
        var b = new LimeTabularExplainer(training, seed: 7).ExplainInstance([0.1, 0.2, 0.3], model, numSamples: 500);
        Assert.Equal(a.Coefficients, b.Coefficients);
    }

    [Fact]
    public void ExplainInstance_WrongLength_Throws()
    {
        var explainer = new LimeTabularExplainer(TestData.Normal(10, 3, 1));
        var ex = Assert.Throws<ArgumentException>(() => explainer.ExplainInstance([1, 2], Models.PerRow(x => 0)));
        Assert.Equal("x", ex.ParamName);
    }
}

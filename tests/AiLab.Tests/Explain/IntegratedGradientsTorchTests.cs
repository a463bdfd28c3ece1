using AiLab.Explain;
using AiLab.Tests.Classic;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests.Explain;

public sealed class IntegratedGradientsTorchTests
{
    // A two-layer tanh network f(x) = w2 · tanh(W1ᵀ x) on 4 inputs, in float64 for a tight comparison.
    private static readonly double[,] W1 = { { 0.5, -1.0, 0.3 }, { 1.2, 0.4, -0.7 }, { -0.6, 0.8, 0.9 }, { 0.2, -0.3, 1.1 } };
    private static readonly double[] W2 = [1.5, -0.8, 0.6];

    private static double[] Hidden(double[] x) =>
        Enumerable.Range(0, 3).Select(h => Math.Tanh(Enumerable.Range(0, 4).Sum(j => x[j] * W1[j, h]))).ToArray();

    private static double F(double[] x) => Hidden(x).Zip(W2).Sum(t => t.First * t.Second);

    private static double[] Gradient(double[] x)
    {
        var a = Hidden(x);
        return Enumerable.Range(0, 4).Select(j => Enumerable.Range(0, 3).Sum(h => W1[j, h] * W2[h] * (1 - a[h] * a[h]))).ToArray();
    }

    private static Tensor Forward(Tensor x)
    {
        using var w1 = torch.tensor(W1);
        using var w2 = torch.tensor(W2);
        return x.reshape(-1, 4).matmul(w1).tanh().matmul(w2);
    }

    [Fact]
    public void FromTorch_AutogradAttributions_EqualTheAnalyticGradientVersion()
    {
        double[] input = [0.9, -0.4, 1.3, 0.2];
        double[] baseline = [0.1, 0.1, -0.2, 0.0];
        var viaTorch = IntegratedGradients.FromTorch(Forward, sampleShape: [2, 2], dtype: ScalarType.Float64).Attribute(input, baseline, nSteps: 64);
        var analytic = new IntegratedGradients(Gradient, F).Attribute(input, baseline, nSteps: 64);
        Approx.Equal(analytic.Attributions, viaTorch.Attributions, 1e-12, "attributions");
        Approx.Equal(analytic.OutputDifference!.Value, viaTorch.OutputDifference!.Value, 1e-12, "f(x) − f(x')");
        Assert.True(Math.Abs(viaTorch.ConvergenceDelta!.Value) < 0.01 * Math.Abs(viaTorch.OutputDifference!.Value), "completeness within 1 %");
    }

    [Fact]
    public void FromTorch_Float32Model_IsCompleteWithinOnePercent()
    {
        double[] input = [0.9, -0.4, 1.3, 0.2];
        var result = IntegratedGradients.FromTorch(x =>
        {
            using var w1 = torch.tensor(W1, dtype: ScalarType.Float32);
            using var w2 = torch.tensor(W2, dtype: ScalarType.Float32);
            return x.matmul(w1).tanh().matmul(w2);
        }).Attribute(input, nSteps: 64);
        Assert.True(Math.Abs(result.ConvergenceDelta!.Value) < 0.01 * Math.Abs(result.OutputDifference!.Value),
            $"delta {result.ConvergenceDelta} vs difference {result.OutputDifference}");
        Approx.Equal(new IntegratedGradients(Gradient).Attribute(input, nSteps: 64).Attributions, result.Attributions, 1e-5, "float32 attributions");
    }

    [Fact]
    public void FromTorch_ForwardReturningSeveralOutputsPerSample_ThrowsAskingForOne()
    {
        var ig = IntegratedGradients.FromTorch(x => x.matmul(torch.tensor(W1, dtype: ScalarType.Float32)));
        var ex = Assert.Throws<InvalidOperationException>(() => ig.Attribute([1, 2, 3, 4], nSteps: 4));
        Assert.Contains("one value per sample", ex.Message);
    }
}

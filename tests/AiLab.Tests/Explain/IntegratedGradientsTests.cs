using AiLab.Explain;
using AiLab.Tests.Classic;

namespace AiLab.Tests.Explain;

public sealed class IntegratedGradientsTests
{
    // f(x) = sin(x0)·x1² + exp(0.5·x2) + x0·x2, with its analytic gradient.
    private static double F(double[] x) => Math.Sin(x[0]) * x[1] * x[1] + Math.Exp(0.5 * x[2]) + x[0] * x[2];

    private static double[] Gradient(double[] x) =>
        [Math.Cos(x[0]) * x[1] * x[1] + x[2], 2 * Math.Sin(x[0]) * x[1], 0.5 * Math.Exp(0.5 * x[2]) + x[0]];

    private static readonly double[] Input = [1.2, -0.8, 1.5];

    [Theory]
    [InlineData(IntegrationMethod.RiemannMiddle)]
    [InlineData(IntegrationMethod.RiemannTrapezoid)]
    [InlineData(IntegrationMethod.GaussLegendre)]
    public void Attribute_64Steps_IsCompleteWithinOnePercent(IntegrationMethod method)
    {
        var ig = new IntegratedGradients(Gradient, F);
        var result = ig.Attribute(Input, baseline: [0, 0, 0], nSteps: 64, method: method);
        double difference = F(Input) - F([0, 0, 0]);
        Approx.Equal(difference, result.OutputDifference!.Value, 1e-12, "f(x) − f(x')");
        double relative = Math.Abs(result.Attributions.Sum() - difference) / Math.Abs(difference);
        Assert.True(relative < 0.01, $"{method}: completeness error {relative:P3}");
        Approx.Equal(result.Attributions.Sum() - difference, result.ConvergenceDelta!.Value, 1e-12, "delta");
    }

    [Fact]
    public void Attribute_LeftAndRightSums_AreFirstOrderAndAverageToTheTrapezoid()
    {
        // One-sided sums have O(1/n) error (1.3 % here at 64 steps, which is why Gauss–Legendre is the default).
        var ig = new IntegratedGradients(Gradient, F);
        double Delta(IntegrationMethod m, int steps) => ig.Attribute(Input, nSteps: steps, method: m).ConvergenceDelta!.Value;
        foreach (var method in new[] { IntegrationMethod.RiemannLeft, IntegrationMethod.RiemannRight })
            Assert.InRange(Delta(method, 64) / Delta(method, 128), 1.9, 2.1);
        var left = ig.Attribute(Input, nSteps: 64, method: IntegrationMethod.RiemannLeft).Attributions;
        var right = ig.Attribute(Input, nSteps: 64, method: IntegrationMethod.RiemannRight).Attributions;
        var trapezoid = ig.Attribute(Input, nSteps: 65, method: IntegrationMethod.RiemannTrapezoid).Attributions;
        Approx.Equal(trapezoid, left.Zip(right).Select(t => (t.First + t.Second) / 2).ToArray(), 1e-12);
    }

    [Fact]
    public void Attribute_GaussLegendre_MatchesPerFeatureIntegralsToHighAccuracy()
    {
        // Oracle: each feature's path integral by a fine composite Simpson rule, independent of the library.
        var baseline = new[] { -0.5, 0.3, 0.0 };
        var result = new IntegratedGradients(Gradient).Attribute(Input, baseline, nSteps: 20);
        for (int j = 0; j < 3; j++)
        {
            const int n = 2000;
            double integral = 0;
            for (int k = 0; k <= n; k++)
            {
                double alpha = (double)k / n;
                var point = Enumerable.Range(0, 3).Select(i => baseline[i] + alpha * (Input[i] - baseline[i])).ToArray();
                integral += (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2) * Gradient(point)[j];
            }
            integral /= 3 * n;
            Approx.Equal((Input[j] - baseline[j]) * integral, result.Attributions[j], 1e-10, $"IG[{j}]");
        }
        Assert.Null(result.ConvergenceDelta);
    }

    [Fact]
    public void Attribute_LinearModel_IsExactForEveryRule()
    {
        double[] w = [2, -3, 0.5];
        var ig = new IntegratedGradients(_ => w, x => x.Zip(w).Sum(t => t.First * t.Second));
        foreach (var method in Enum.GetValues<IntegrationMethod>())
        {
            var result = ig.Attribute([1, 2, 3], baseline: [0.5, 0, -1], nSteps: 3, method: method);
            Approx.Equal([1.0, -6, 2], result.Attributions, 1e-12, method.ToString());
        }
    }

    [Fact]
    public void Attribute_MidpointRule_ErrorShrinksQuadratically()
    {
        var ig = new IntegratedGradients(Gradient, F);
        double Error(int steps) => Math.Abs(ig.Attribute(Input, nSteps: steps, method: IntegrationMethod.RiemannMiddle).ConvergenceDelta!.Value);
        double ratio = Error(16) / Error(32);
        Assert.InRange(ratio, 3.5, 4.5); // O(1/n²): doubling n divides the error by ~4
    }

    [Fact]
    public void Attribute_BaselineEqualToInput_GivesZero()
    {
        var result = new IntegratedGradients(Gradient, F).Attribute(Input, baseline: Input);
        Approx.Equal(new double[3], result.Attributions, 0);
    }

    [Fact]
    public void FromBatch_CallsTheGradientOnceWithAllPathPoints()
    {
        int calls = 0;
        var ig = IntegratedGradients.FromBatch(points =>
        {
            calls++;
            Assert.Equal(32, points.GetLength(0));
            var g = new double[points.GetLength(0), 3];
            for (int i = 0; i < points.GetLength(0); i++)
            {
                var grad = Gradient([points[i, 0], points[i, 1], points[i, 2]]);
                for (int j = 0; j < 3; j++) g[i, j] = grad[j];
            }
            return g;
        });
        var batched = ig.Attribute(Input, nSteps: 32);
        var pointwise = new IntegratedGradients(Gradient).Attribute(Input, nSteps: 32);
        Assert.Equal(1, calls);
        Approx.Equal(pointwise.Attributions, batched.Attributions, 1e-14);
    }

    [Fact]
    public void Rule_WeightsSumToOneAndNodesLieInUnitInterval()
    {
        foreach (var method in Enum.GetValues<IntegrationMethod>())
        {
            var (alphas, weights) = IntegratedGradients.Rule(method, 7);
            Approx.Equal(1.0, weights.Sum(), 1e-12, $"{method} weights");
            Assert.All(alphas, a => Assert.InRange(a, 0, 1));
        }
    }

    [Fact]
    public void Attribute_BadArguments_Throw()
    {
        var ig = new IntegratedGradients(_ => [1.0, 2.0]);
        Assert.Throws<ArgumentException>(() => ig.Attribute([1, 2], baseline: [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ig.Attribute([1, 2], nSteps: 0));
        var wrongShape = Assert.Throws<InvalidOperationException>(() => ig.Attribute([1, 2, 3]));
        Assert.Contains("2 values", wrongShape.Message);
    }
}

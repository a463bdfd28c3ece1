using AiLab.Torch.Optimizers;

namespace AiLab.Torch.Tests.optim;

/// <summary>
/// One step of each optimizer against the update rule PyTorch documents, evaluated in plain C# doubles.
/// The loss is linear, L(θ) = c·θ, so the gradient is exactly c.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class OptimizerClosedFormTests
{
    private static readonly double[] Theta0 = [1.0, -2.0, 0.5];
    private static readonly double[] C = [0.3, -0.4, 2.0];
    private const double Rtol = 1e-14;

    /// <summary>Takes <paramref name="steps"/> steps with the optimizer made by <paramref name="create"/>; returns θ.</summary>
    private static double[] Run(Func<Tensor, torch.optim.Optimizer> create, int steps = 1)
    {
        using var theta = tensor(Theta0).requires_grad_();
        using var c = tensor(C);
        using var optimizer = create(theta);
        for (var k = 0; k < steps; k++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            theta.dot(c).backward();
            optimizer.step();
        }
        return TorchAssert.ToDoubles(theta);
    }

    private static double[] Map(Func<double, double, double> update) => Theta0.Zip(C, update).ToArray();

    [Fact]
    public void SGD_OneStepWithWeightDecay_IsThetaMinusLrTimesDecayedGradient()
    {
        const double lr = 0.1, wd = 0.01;
        // θ ← θ − lr · (g + wd · θ)
        var expected = Map((t, g) => t - lr * (g + wd * t));
        TorchAssert.AssertClose(expected, Run(p => torch.optim.SGD([p], lr, weight_decay: wd)), "SGD", Rtol, 0);
    }

    [Fact]
    public void SGD_TwoMomentumSteps_FollowTheBufferRecursion()
    {
        const double lr = 0.1, mu = 0.9, dampening = 0.2;
        // Step 1: b₁ = g, θ₁ = θ₀ − lr·b₁.  Step 2: b₂ = μ·b₁ + (1 − dampening)·g, θ₂ = θ₁ − lr·b₂.
        var expected = Map((t, g) => t - lr * g - lr * (mu * g + (1 - dampening) * g));
        TorchAssert.AssertClose(expected, Run(p => torch.optim.SGD([p], lr, momentum: mu, dampening: dampening), steps: 2), "SGD momentum", Rtol, 0);
    }

    [Fact]
    public void SGD_OneNesterovStep_UsesGradientPlusMomentumTimesBuffer()
    {
        const double lr = 0.1, mu = 0.9;
        // b₁ = g; θ₁ = θ₀ − lr · (g + μ·b₁)
        var expected = Map((t, g) => t - lr * (g + mu * g));
        TorchAssert.AssertClose(expected, Run(p => torch.optim.SGD([p], lr, momentum: mu, nesterov: true)), "SGD nesterov", Rtol, 0);
    }

    [Fact]
    public void Adam_OneStep_MovesEachCoordinateByLrTimesNormalizedGradient()
    {
        const double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.1;
        // g ← g + wd·θ; m = (1 − β₁)g; v = (1 − β₂)g²; θ ← θ − lr/(1 − β₁) · m / (√v/√(1 − β₂) + ε)
        var expected = Map((t, g0) =>
        {
            var g = g0 + wd * t;
            var (m, v) = ((1 - b1) * g, (1 - b2) * g * g);
            return t - lr / (1 - b1) * m / (Math.Sqrt(v) / Math.Sqrt(1 - b2) + eps);
        });
        TorchAssert.AssertClose(expected, Run(p => torch.optim.Adam([p], lr, weight_decay: wd)), "Adam", Rtol, 0);
    }

    [Fact]
    public void AdamW_OneStep_DecaysTheParameterThenTakesTheAdamStep()
    {
        const double lr = 0.01, wd = 0.5, eps = 1e-8;
        // θ ← θ·(1 − lr·wd) − lr · g / (|g| + ε)   (Adam's first step, bias-corrected moments are g and g²)
        var expected = Map((t, g) => t * (1 - lr * wd) - lr * g / (Math.Abs(g) + eps));
        TorchAssert.AssertClose(expected, Run(p => torch.optim.AdamW([p], lr, weight_decay: wd)), "AdamW", 1e-12, 0);
    }

    [Fact]
    public void RMSprop_OneCenteredMomentumStep_MatchesDocumentedUpdate()
    {
        const double lr = 0.01, alpha = 0.9, eps = 1e-8, mu = 0.5;
        // v = (1 − α)g²; ḡ = (1 − α)g; d = √(v − ḡ²) + ε; b = g/d; θ ← θ − lr·b
        var expected = Map((t, g) =>
        {
            var (v, gAvg) = ((1 - alpha) * g * g, (1 - alpha) * g);
            return t - lr * (g / (Math.Sqrt(v - gAvg * gAvg) + eps));
        });
        TorchAssert.AssertClose(expected, Run(p => torch.optim.RMSprop([p], lr, alpha, eps, momentum: mu, centered: true)), "RMSprop", Rtol, 0);
    }

    [Fact]
    public void Adagrad_TwoStepsWithLrDecay_MatchDocumentedUpdate()
    {
        const double lr = 0.1, lrDecay = 0.5, init = 0.2, eps = 1e-10;
        // s₁ = init + g², θ₁ = θ₀ − lr·g/(√s₁ + ε); s₂ = s₁ + g², θ₂ = θ₁ − lr/(1 + lr_decay)·g/(√s₂ + ε)
        var expected = Map((t, g) =>
        {
            var (s1, s2) = (init + g * g, init + 2 * g * g);
            return t - lr * g / (Math.Sqrt(s1) + eps) - lr / (1 + lrDecay) * g / (Math.Sqrt(s2) + eps);
        });
        TorchAssert.AssertClose(expected, Run(p => torch.optim.Adagrad([p], lr, lrDecay, initial_accumulator_value: init), steps: 2), "Adagrad", Rtol, 0);
    }

    [Fact]
    public void Maximize_Ascends()
    {
        // maximize negates the gradient: θ ← θ + lr·g
        var expected = Map((t, g) => t + 0.1 * g);
        TorchAssert.AssertClose(expected, Run(p => new SGD([new torch.optim.ParamGroup([p])], lr: 0.1, maximize: true)), "SGD maximize", Rtol, 0);
    }
}

namespace AiLab.Torch.Tests;

/// <summary>Autograd gradients of differentiable ops against central finite differences in float64.</summary>
[Collection(TorchCollection.Name)]
public sealed class GradientTests
{
    private const double Step = 1e-6;
    private const double Tolerance = 1e-6;

    // Inputs are kept away from kinks (relu at 0, abs at 0, clamp bounds) where finite differences lie.
    public static TheoryData<string> OpNames() => new(Ops.Keys);

    private static readonly Dictionary<string, (Func<Tensor, Tensor> F, Func<Tensor, Tensor>? Input)> Ops = new()
    {
        ["add_broadcast"] = (x => x + x.sum(0, keepdim: true), null),
        ["sub_scalar"] = (x => 3 - x, null),
        ["mul"] = (x => x * x.flip(1), null),
        ["div"] = (x => x / (x.square() + 1), null),
        ["pow_scalar"] = (x => x.pow(3), null),
        ["pow_tensor"] = (x => x.abs().add(0.5).pow(x), null),
        ["exp"] = (x => x.exp(), null),
        ["log"] = (x => x.abs().add(0.1).log(), null),
        ["sqrt"] = (x => x.square().add(0.2).sqrt(), null),
        ["tanh"] = (x => x.tanh(), null),
        ["sigmoid"] = (x => x.sigmoid(), null),
        ["relu"] = (x => x.relu(), AwayFromZero),
        ["gelu"] = (x => x.gelu(), null),
        ["leaky_relu"] = (x => x.leaky_relu(0.1), AwayFromZero),
        ["elu"] = (x => x.elu(), AwayFromZero),
        ["softmax"] = (x => x.softmax(1) * x, null),
        ["log_softmax"] = (x => x.log_softmax(0) * x.flip(0), null),
        ["sin_cos"] = (x => x.sin() * x.cos(), null),
        ["matmul"] = (x => x.matmul(x.t()), null),
        ["sum_dim"] = (x => x.sum(1).square(), null),
        ["mean"] = (x => x.mean(0) * x.mean(), null),
        ["std"] = (x => x.std(1), null),
        ["norm"] = (x => x.norm(), null),
        ["logsumexp"] = (x => x.logsumexp(1), null),
        ["max_dim"] = (x => x.max(1).values, null),
        ["cumsum"] = (x => x.cumsum(1).square(), null),
        ["clamp"] = (x => x.clamp(-0.5, 0.5), x => x.mul(0.2)),
        ["where"] = (x => where(x > 0, x.square(), x.exp()), AwayFromZero),
        ["index_gather"] = (x => x.gather(1, tensor(new long[] { 2, 0, 1, 1 }, [2, 2])), null),
        ["indexing"] = (x => x[.., 1..] * x[0, 1..], null),
        ["cat_stack"] = (x => stack([cat([x, x * 2], 1), cat([x.exp(), x], 1)]), null),
        ["transpose_reshape"] = (x => x.t().reshape(-1).cumsum(0), null),
    };

    private static Tensor AwayFromZero(Tensor x) => x + x.sign() * 0.3;

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Gradient_MatchesFiniteDifferences(string name)
    {
        using var scope = NewDisposeScope();
        var (f, prepare) = Ops[name];
        manual_seed(42);
        var start = randn([2, 3], dtype: float64);
        if (prepare is not null) start = prepare(start);
        var x = start.detach().requires_grad_();
        // A random weighting makes every output element matter to the scalar being differentiated.
        var y0 = f(x);
        var weights = randn(y0.shape, dtype: float64);
        (y0 * weights).sum().backward();
        var analytic = x.grad!.ToArray<double>();

        var values = x.detach().ToArray<double>();
        var numeric = new double[values.Length];
        using (no_grad())
        {
            for (var k = 0; k < values.Length; k++)
            {
                double At(double delta)
                {
                    var shifted = (double[])values.Clone();
                    shifted[k] += delta;
                    return (f(tensor(shifted, [2, 3])) * weights).sum().item<double>();
                }
                numeric[k] = (At(Step) - At(-Step)) / (2 * Step);
            }
        }
        TorchAssert.AssertClose(numeric, analytic, name, rtol: Tolerance, atol: Tolerance);
    }

    [Fact]
    public void AutogradGrad_ReturnsGradientsWithoutAccumulating()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        var unused = tensor(new[] { 1.0 }, requires_grad: true);
        var y = (x * x).sum();
        var grads = autograd.grad([y], [x, unused], allow_unused: true);
        Assert.Equal([2.0, 4.0, 6.0], grads[0]!.ToArray<double>());
        Assert.Null(grads[1]);
        Assert.Null(x.grad);
    }

    [Fact]
    public void AutogradGrad_CreateGraph_GivesSecondDerivative()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 2.0 }, requires_grad: true);
        var y = x.pow(3).sum();
        var dy = autograd.grad(y, [x], create_graph: true)[0]!;
        var d2y = autograd.grad(dy.sum(), [x])[0]!;
        Assert.Equal(12.0, dy.item<double>(), 12);   // 3x²
        Assert.Equal(12.0, d2y.item<double>(), 12);  // 6x
    }

    [Fact]
    public void Backward_AccumulatesUntilGradIsCleared()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new[] { 1.0, -1.0 }, requires_grad: true);
        (w * 3).sum().backward();
        (w * 3).sum().backward();
        Assert.Equal([6.0, 6.0], w.grad!.ToArray<double>());
        w.grad = null;
        Assert.Null(w.grad);
        (w.square()).sum().backward(retain_graph: false);
        Assert.Equal([2.0, -2.0], w.grad!.ToArray<double>());
    }

    [Fact]
    public void Backward_NonScalarNeedsGradient()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var y = w * 2;
        var error = Assert.Throws<TorchException>(() => y.backward());
        Assert.Contains("grad can be implicitly created only for scalar outputs", error.Message);
        y.backward(tensor(new[] { 1.0, 10.0 }));
        Assert.Equal([2.0, 20.0], w.grad!.ToArray<double>());
    }

    [Fact]
    public void NoGrad_StopsRecordingAndRestores()
    {
        using var scope = NewDisposeScope();
        var w = ones([2], requires_grad: true);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False((w * 2).requires_grad);
            using (enable_grad()) Assert.True((w * 2).requires_grad);
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        Assert.True((w * 2).requires_grad);
        Assert.False((w * 2).detach().requires_grad);
    }

    [Fact]
    public void RequiresGrad_OnIntegerTensor_ThrowsTorchException()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => arange(3).requires_grad_());
        Assert.Contains("floating point", error.Message);
    }
}

namespace AiLab.Torch.Tests.optim;

[Collection(TorchCollection.Name)]
public sealed class ClipGradTests
{
    private static readonly System.Text.Json.JsonElement Fixture = OptimFixture.Root.GetProperty("clip_grad_norm");

    /// <summary>Two parameters (3×2 and 4) whose gradients are the fixture's.</summary>
    private static Tensor[] ParametersWithFixtureGrads()
    {
        var grads = Fixture.GetProperty("grads");
        var matrix = OptimFixture.Rows(grads[0]);
        Tensor a = zeros([3, 2], float64, requires_grad: true), b = zeros([4], float64, requires_grad: true);
        a.grad = tensor(matrix.SelectMany(r => r).ToArray(), [3, 2]);
        b.grad = tensor(OptimFixture.Doubles(grads[1]));
        return [a, b];
    }

    public static TheoryData<int, string> Cases() =>
        OptimFixture.Cases(Fixture.GetProperty("cases"), c => $"norm_type {c.GetProperty("norm_type")}, max_norm {c.GetProperty("max_norm")}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClipGradNorm_FixtureGradients_MatchesPyTorchTotalNormAndClippedGradients(int index, string description)
    {
        var c = Fixture.GetProperty("cases")[index];
        var normType = c.GetProperty("norm_type") is { ValueKind: System.Text.Json.JsonValueKind.String } ? double.PositiveInfinity : c.GetProperty("norm_type").GetDouble();
        var maxNorm = c.GetProperty("max_norm").GetDouble();
        using var scope = NewDisposeScope();
        var parameters = ParametersWithFixtureGrads();

        var total = torch.nn.utils.clip_grad_norm_(parameters, maxNorm, normType);

        Assert.Equal([], total.shape);
        TorchAssert.AssertClose([c.GetProperty("total_norm").GetDouble()], [total.item<double>()], $"{description}: total norm", 1e-12, 0);
        var clipped = parameters.SelectMany(p => TorchAssert.ToDoubles(p.grad!)).ToArray();
        TorchAssert.AssertClose(OptimFixture.Doubles(c.GetProperty("grads")), clipped, $"{description}: gradients", 1e-12, 1e-15);
        // The gradients, seen as one vector, now have norm ≤ max_norm (+ the 1e-6 PyTorch adds to the denominator).
        var after = double.IsPositiveInfinity(normType) ? clipped.Max(Math.Abs) : Math.Pow(clipped.Sum(g => Math.Pow(Math.Abs(g), normType)), 1 / normType);
        Assert.True(after <= maxNorm + 1e-6, $"{description}: norm after clipping {after} > {maxNorm}");
    }

    [Fact]
    public void ClipGradNorm_InfinityNorm_IsLargestAbsoluteGradient()
    {
        using var scope = NewDisposeScope();
        var parameters = ParametersWithFixtureGrads();

        var total = torch.nn.utils.clip_grad_norm_(parameters, max_norm: 0.5, norm_type: double.PositiveInfinity);

        Assert.Equal(3.0, total.item<double>());
        // The largest gradient, 3.0, is scaled to max_norm (up to PyTorch's 1e-6 in the denominator).
        TorchAssert.AssertClose([3.0 * 0.5 / (3.0 + 1e-6)], [TorchAssert.ToDoubles(parameters[1].grad!)[2]], "largest gradient", 1e-14, 0);
    }

    [Fact]
    public void ClipGradNorm_NoGradients_ReturnsZeroAndSkipsParametersWithoutGrad()
    {
        using var scope = NewDisposeScope();
        var withGrad = zeros([2], float64, requires_grad: true);
        withGrad.grad = tensor(new[] { 3.0, 4.0 });
        var withoutGrad = zeros([3], float64, requires_grad: true);

        Assert.Equal(0.0, torch.nn.utils.clip_grad_norm_([withoutGrad], 1.0).item<double>());
        Assert.Equal(5.0, torch.nn.utils.clip_grad_norm_([withGrad, withoutGrad], 1.0).item<double>(), 12);
        Assert.Null(withoutGrad.grad);
        TorchAssert.AssertClose([0.6, 0.8], TorchAssert.ToDoubles(withGrad.grad!), "clipped", 1e-6, 0);
    }

    [Fact]
    public void ClipGradNorm_NonFiniteWithErrorIfNonfinite_Throws()
    {
        using var scope = NewDisposeScope();
        var p = zeros([2], float64, requires_grad: true);
        p.grad = tensor(new[] { double.NaN, 1.0 });

        var error = Assert.Throws<InvalidOperationException>(() => torch.nn.utils.clip_grad_norm_(p, 1.0, error_if_nonfinite: true));
        Assert.Contains("non-finite", error.Message);
    }

    [Fact]
    public void ClipGradValue_ClampsEveryGradientIntoRange()
    {
        using var scope = NewDisposeScope();
        var parameters = ParametersWithFixtureGrads();

        torch.nn.utils.clip_grad_value_(parameters, 0.5);

        Assert.Equal([0.3, -0.5, 0.5, 0.5, -0.5, 0.5, 0.4, -0.5, 0.5, 0.2], parameters.SelectMany(p => TorchAssert.ToDoubles(p.grad!)));
    }

    [Fact]
    public void ParametersToVector_ThenVectorToParameters_RoundTripsAndSharesStorage()
    {
        using var scope = NewDisposeScope();
        using var a = new torch.nn.Parameter(arange(6, dtype: float64).reshape(2, 3));
        using var b = new torch.nn.Parameter(tensor(new[] { 10.0, 11.0 }));

        var vector = torch.nn.utils.parameters_to_vector([a, b]);
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 10, 11], TorchAssert.ToDoubles(vector));

        var replacement = vector * 2;
        torch.nn.utils.vector_to_parameters(replacement, [a, b]);
        Assert.Equal([2L, 3L], a.shape);
        Assert.Equal([0.0, 2, 4, 6, 8, 10], TorchAssert.ToDoubles(a));
        Assert.Equal([20.0, 22], TorchAssert.ToDoubles(b));
        Assert.True(a.requires_grad);
        // Like PyTorch, the parameters now view the vector's storage.
        replacement.add_(1.0);
        Assert.Equal([21.0, 23], TorchAssert.ToDoubles(b));
    }

    [Fact]
    public void VectorToParameters_WrongLength_ThrowsNamingTheSizes()
    {
        using var scope = NewDisposeScope();
        var a = zeros([2, 3], float64, requires_grad: true);

        var error = Assert.Throws<ArgumentException>(() => torch.nn.utils.vector_to_parameters(zeros([5], float64), [a]));
        Assert.Contains("6 elements", error.Message);
    }
}

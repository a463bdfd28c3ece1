using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.nn;

[Collection(TorchCollection.Name)]
public sealed class ModuleTests
{
    private sealed class TwoLayer : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1 = torch.nn.Linear(4, 8);
        private readonly Linear fc2 = torch.nn.Linear(8, 2, bias: false);
        private readonly torch.nn.Parameter scale = new(ones(2));
        private readonly Tensor running = zeros(2);

        public TwoLayer() : base(nameof(TwoLayer)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return (fc2.forward(fc1.forward(input).relu()) * scale).MoveToOuterDisposeScope();
        }
    }

    [Fact]
    public void Linear_DefaultInit_MatchesPyTorchForTheSameSeed()
    {
        manual_seed(0);
        using var layer = torch.nn.Linear(3, 2);
        // torch.manual_seed(0); torch.nn.Linear(3, 2) in Python (python3-torch 1.13, same libtorch):
        double[] weight = [-0.004322517663240433, 0.3097158372402191, -0.4751853346824646, -0.4248946011066437, -0.2223689705133438, 0.15482072532176971];
        double[] bias = [-0.011439144611358643, 0.45777493715286255];
        TorchAssert.AssertClose(weight, TorchAssert.ToDoubles(layer.weight), "weight", rtol: 1e-6, atol: 1e-7);
        TorchAssert.AssertClose(bias, TorchAssert.ToDoubles(layer.bias!), "bias", rtol: 1e-6, atol: 1e-7);
    }

    [Fact]
    public void RegisterComponents_FindsModulesParametersAndBuffersInOrder()
    {
        using var model = new TwoLayer();
        Assert.Equal(["scale", "fc1.weight", "fc1.bias", "fc2.weight"], model.named_parameters().Select(p => p.name));
        Assert.Equal(["running"], model.named_buffers().Select(b => b.name));
        Assert.Equal(["fc1", "fc2"], model.named_children().Select(c => c.name));
        Assert.Equal(["", "fc1", "fc2"], model.named_modules().Select(m => m.name));
        Assert.Equal(4 * 8 + 8 + 8 * 2 + 2, model.num_parameters());
        // PyTorch order: a module's own parameters, then its buffers, then its children.
        Assert.Equal(["scale", "running", "fc1.weight", "fc1.bias", "fc2.weight"], model.state_dict().Keys);
    }

    [Fact]
    public void Sequential_NamesAndPrintsLikePyTorch()
    {
        using var model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], model.named_parameters().Select(p => p.name));
        Assert.Equal("Sequential(\n  (0): Linear(in_features=4, out_features=8, bias=True)\n  (1): ReLU()\n  (2): Linear(in_features=8, out_features=1, bias=True)\n)\nparameters: 49 (49 trainable)",
            model.ToString());
        using var x = ones(3, 4);
        using var y = model.forward(x);
        Assert.Equal([3L, 1L], y.shape);
        Assert.False(x.IsDisposed);
    }

    [Fact]
    public void StateDict_RoundTripReproducesOutputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var a = new TwoLayer();
        manual_seed(2);
        var b = new TwoLayer();
        var x = randn(5, 4);
        Assert.False(a.forward(x).equal(b.forward(x)));
        b.load_state_dict(a.state_dict());
        Assert.True(a.forward(x).equal(b.forward(x)));
    }

    [Fact]
    public void LoadStateDict_ReportsMissingUnexpectedAndShapeErrors()
    {
        using var scope = NewDisposeScope();
        var model = new TwoLayer();
        var state = model.state_dict();
        state.Remove("fc2.weight");
        state["extra"] = ones(1);
        var error = Assert.Throws<ArgumentException>(() => model.load_state_dict(state));
        Assert.Contains("missing keys [fc2.weight]", error.Message);
        Assert.Contains("unexpected keys [extra]", error.Message);
        var (missing, unexpected) = model.load_state_dict(state, strict: false);
        Assert.Equal(["fc2.weight"], missing);
        Assert.Equal(["extra"], unexpected);
        state.Remove("extra");
        state["fc2.weight"] = ones(3, 3);
        Assert.Contains("size mismatch for fc2.weight", Assert.Throws<ArgumentException>(() => model.load_state_dict(state)).Message);
    }

    [Fact]
    public void TrainEval_PropagateToChildren_AndSwitchDropout()
    {
        using var model = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5));
        Assert.True(model[1].training);
        model.eval();
        Assert.All(model.modules(), m => Assert.False(m.training));
        using var x = ones(100, 4);
        using var a = model.forward(x);
        using var b = model.forward(x);
        Assert.True(a.equal(b));
        model.train();
        Assert.True(model[1].training);
    }

    [Fact]
    public void To_ChangesDtypeButKeepsParameterIdentity()
    {
        using var model = torch.nn.Linear(3, 2);
        var weight = model.weight;
        model.to(float64);
        Assert.Same(weight, model.weight);
        Assert.Equal(float64, model.weight.dtype);
        Assert.True(model.weight.requires_grad);
        using var y = model.forward(ones([1, 3], dtype: float64));
        Assert.Equal(float64, y.dtype);
    }

    [Fact]
    public void ZeroGrad_ClearsOrZeroes()
    {
        using var model = torch.nn.Linear(3, 1);
        using (var scope = NewDisposeScope()) model.forward(ones(2, 3)).sum().backward();
        model.zero_grad(set_to_none: false);
        using (var g = model.weight.grad) Assert.Equal(0f, g!.abs().sum().item<float>());
        model.zero_grad();
        Assert.Null(model.weight.grad);
    }

    [Fact]
    public void Parameters_SurviveTheDisposeScopeTheyWereCreatedIn()
    {
        Linear layer;
        using (NewDisposeScope()) layer = torch.nn.Linear(2, 2);
        Assert.False(layer.weight.IsDisposed);
        layer.Dispose();
        Assert.True(layer.weight.IsDisposed);
    }

    [Fact]
    public void Init_FollowsPyTorchFormulas()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(Math.Sqrt(2), torch.nn.init.calculate_gain("relu"), 12);
        Assert.Equal(5.0 / 3, torch.nn.init.calculate_gain("tanh"), 12);
        Assert.Equal(Math.Sqrt(2 / 1.0004), torch.nn.init.calculate_gain("leaky_relu", 0.02), 12);
        var w = empty(200, 300);
        Assert.Equal((300L, 200L), torch.nn.init.calculate_fan_in_and_fan_out(w));
        torch.nn.init.xavier_uniform_(w);
        var bound = Math.Sqrt(6.0 / 500);
        Assert.True(w.abs().max().item<float>() <= bound);
        Assert.InRange(w.std().item<float>(), bound / Math.Sqrt(3) * 0.97, bound / Math.Sqrt(3) * 1.03);
        torch.nn.init.kaiming_normal_(w, nonlinearity: "relu");
        Assert.InRange(w.std().item<float>(), Math.Sqrt(2.0 / 300) * 0.97, Math.Sqrt(2.0 / 300) * 1.03);
        var q = empty(4, 6);
        torch.nn.init.orthogonal_(q);
        Assert.True(q.matmul(q.t()).allclose(eye(4), atol: 1e-5));
        Assert.Throws<ArgumentException>(() => torch.nn.init.calculate_fan_in_and_fan_out(empty(3)));
    }

    [Fact]
    public void LinearRegression_TrainsWithAutogradAndManualSgd()
    {
        manual_seed(0);
        using var model = torch.nn.Linear(2, 1);
        using var x = randn(256, 2);
        using var y = x.matmul(tensor(new[] { 2f, -3f }, [2, 1])) + 0.5;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            model.zero_grad();
            var loss = (model.forward(x) - y).pow(2).mean();
            loss.backward();
            using (no_grad())
                foreach (var p in model.parameters()) p.sub_(p.grad! * 0.1);
        }
        TorchAssert.AssertClose([2, -3], TorchAssert.ToDoubles(model.weight), "weight", rtol: 1e-3, atol: 1e-3);
        TorchAssert.AssertClose([0.5], TorchAssert.ToDoubles(model.bias!), "bias", rtol: 1e-3, atol: 1e-3);
    }
}

using AiLab.Torch.Optimizers;

namespace AiLab.Torch.Tests.optim;

[Collection(TorchCollection.Name)]
public sealed class OptimizerTests
{
    [Fact]
    public void ParamGroup_OptionsOverrideDefaultsPerGroup()
    {
        using var a = zeros([2], requires_grad: true);
        using var b = zeros([2], requires_grad: true);
        using var optimizer = new SGD([new torch.optim.ParamGroup([a]), new torch.optim.ParamGroup([b], new Dictionary<string, double> { ["lr"] = 0.5, ["momentum"] = 0.8 })],
            lr: 0.1, momentum: 0.9, weight_decay: 0.01);

        Assert.Equal((0.1, 0.9, 0.01), (optimizer.param_groups[0].lr, optimizer.param_groups[0].options["momentum"], optimizer.param_groups[0].options["weight_decay"]));
        Assert.Equal((0.5, 0.8, 0.01), (optimizer.param_groups[1].lr, optimizer.param_groups[1].options["momentum"], optimizer.param_groups[1].options["weight_decay"]));
    }

    [Fact]
    public void ToString_ListsEachGroupsOptions()
    {
        using var a = zeros([2], requires_grad: true);
        using var optimizer = torch.optim.Adam([a], lr: 0.01);
        Assert.Equal("Adam (\nParameter Group 0\n    amsgrad: 0\n    betas0: 0.9\n    betas1: 0.999\n    eps: 1E-08\n    lr: 0.01\n    maximize: 0\n    weight_decay: 0\n)",
            optimizer.ToString());
    }

    [Fact]
    public void ParamGroups_DifferentLearningRates_EachGroupStepsWithItsOwn()
    {
        using var a = ones([2], requires_grad: true);
        using var b = ones([2], requires_grad: true);
        using var optimizer = new SGD([new torch.optim.ParamGroup([a], lr: 0.1), new torch.optim.ParamGroup([b], lr: 0.01)], lr: 1.0);
        using (NewDisposeScope())
        {
            (a.sum() + b.sum()).backward(); // both gradients are 1
            optimizer.step();
        }
        Assert.Equal([0.9f, 0.9f], a.ToArray<float>());
        Assert.Equal([0.99f, 0.99f], b.ToArray<float>());
    }

    [Fact]
    public void Constructors_InvalidArguments_ThrowNamingTheArgument()
    {
        using var p = zeros([2], requires_grad: true);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.SGD([p], lr: -1)).ParamName);
        Assert.Equal("betas", Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.Adam([p], betas: (0.9, 1.0))).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.RMSprop([p], eps: -1)).ParamName);
        Assert.Equal("lr_decay", Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.Adagrad([p], lr_decay: -0.1)).ParamName);
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => torch.optim.SGD([p], lr: 0.1, nesterov: true)).ParamName);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => torch.optim.Adam([])).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() =>
            new Adam([new torch.optim.ParamGroup([p]), new torch.optim.ParamGroup([p])])).Message);
        Assert.Contains("no option(s) betas", Assert.Throws<ArgumentException>(() =>
            new SGD([new torch.optim.ParamGroup([p], new Dictionary<string, double> { ["betas"] = 0.9 })], lr: 0.1)).Message);
    }

    [Fact]
    public void ZeroGrad_SetToNoneOrZero()
    {
        using var p = ones([3], requires_grad: true);
        using var optimizer = torch.optim.SGD([p], lr: 0.1);
        using var scope = NewDisposeScope();
        (p * 2).sum().backward();

        optimizer.zero_grad(set_to_none: false);
        Assert.Equal([0f, 0f, 0f], p.grad!.ToArray<float>());
        optimizer.zero_grad();
        Assert.Null(p.grad);
    }

    [Fact]
    public void Step_ParameterWithoutGradient_IsSkippedAndGetsNoState()
    {
        using var a = ones([2], requires_grad: true);
        using var unused = ones([2], requires_grad: true);
        using var optimizer = torch.optim.Adam([a, unused], lr: 0.1);
        using (NewDisposeScope()) a.sum().backward();

        optimizer.step();

        Assert.Equal([1f, 1f], unused.ToArray<float>());
        Assert.False(optimizer.state.ContainsKey(unused));
        Assert.Equal(1, optimizer.state[a].step);
    }

    [Fact]
    public void Step_WithClosure_EvaluatesTheLossWithGradAndReturnsIt()
    {
        using var x = tensor(new[] { 3.0 }).requires_grad_();
        using var optimizer = torch.optim.SGD([x], lr: 0.25);
        using var scope = NewDisposeScope();

        Tensor loss;
        using (no_grad())
            loss = optimizer.step(() =>
            {
                optimizer.zero_grad();
                var l = (x * x).sum();
                l.backward();
                return l;
            });

        Assert.Equal(9.0, loss.item<double>());
        Assert.Equal(1.5, x.item<double>()); // 3 − 0.25 · 2·3
    }

    [Fact]
    public void Step_ManyIterationsInScopes_CreatesNoTensorsBeyondItsState()
    {
        using var problem = OptimFixture.Linear();
        using var optimizer = new Adam(problem.Groups(0.01), lr: 0.01, amsgrad: true, weight_decay: 0.1);
        problem.TrainStep(optimizer); // creates the state
        var live = Tensor.LiveCount;

        for (var k = 0; k < 200; k++) problem.TrainStep(optimizer);

        Assert.Equal(live, Tensor.LiveCount);
    }

    [Fact]
    public void Dispose_FreesTheStateTensors()
    {
        using var problem = OptimFixture.Quadratic();
        var optimizer = new RMSprop(problem.Groups(0.01), momentum: 0.9, centered: true);
        problem.TrainStep(optimizer);
        var buffers = optimizer.state.Values.SelectMany(s => s.Keys.Select(k => s[k])).ToList();
        Assert.Equal(3, buffers.Count);

        optimizer.Dispose();

        Assert.All(buffers, b => Assert.True(b.IsDisposed));
    }
}

using System.Text.Json;
using AiLab.Torch.Modules;
using F = AiLab.Torch.torch.nn.functional;

namespace AiLab.Torch.Tests.losses;

/// <summary>The loss modules against the same PyTorch fixtures, their buffers, identities between losses, and argument errors.</summary>
[Collection(TorchCollection.Name)]
public sealed class LossModuleTests
{
    private static readonly JsonElement Cases = FixtureTensors.LossCases;

    // Fixture case → the module configured like the case's keyword arguments.
    private static readonly Dictionary<string, Func<JsonElement, Loss>> Modules = new()
    {
        ["ce_smoothing_ignore_weight_sum"] = t => torch.nn.CrossEntropyLoss(Tensor(t, "weight"), reduction: "sum", label_smoothing: 0.3),
        ["ce_ignore_custom_weight_mean"] = t => torch.nn.CrossEntropyLoss(Tensor(t, "weight"), ignore_index: 2),
        ["ce_probs_none"] = _ => torch.nn.CrossEntropyLoss(reduction: "none"),
        ["nll_weight_ignore_mean"] = t => torch.nn.NLLLoss(Tensor(t, "weight")),
        ["bce_weight_none"] = t => torch.nn.BCELoss(Tensor(t, "weight"), reduction: "none"),
        ["bcel_weight_pos_weight_none"] = t => torch.nn.BCEWithLogitsLoss(Tensor(t, "weight"), "none", Tensor(t, "pos_weight")),
        ["mse_sum"] = _ => torch.nn.MSELoss("sum"),
        ["l1_none"] = _ => torch.nn.L1Loss("none"),
        ["smooth_l1_beta_none"] = _ => torch.nn.SmoothL1Loss("none", beta: 0.5),
        ["smooth_l1_beta0_mean"] = _ => torch.nn.SmoothL1Loss(beta: 0),
        ["huber_delta_sum"] = _ => torch.nn.HuberLoss("sum", delta: 2.0),
        ["kl_batchmean"] = _ => torch.nn.KLDivLoss("batchmean"),
        ["kl_log_target_batchmean"] = _ => torch.nn.KLDivLoss("batchmean", log_target: true),
    };

    private static Tensor Tensor(JsonElement tensors, string name) => FixtureTensors.From(tensors.GetProperty(name));

    public static TheoryData<string> ModuleCases() => [.. Modules.Keys];

    [Theory]
    [MemberData(nameof(ModuleCases))]
    public void Forward_MatchesPyTorchFixture(string name)
    {
        var c = Cases.GetProperty(name);
        using var scope = NewDisposeScope();
        using var loss = Modules[name](c.GetProperty("tensors"));
        var input = FixtureTensors.From(c.GetProperty("input"));
        var target = FixtureTensors.From(c.GetProperty("tensors").GetProperty("target"));
        TorchAssert.Matches(c.GetProperty("output"), loss.forward(input, target), name);
    }

    [Fact]
    public void WeightedLosses_RegisterWeightsAsBuffers()
    {
        using var scope = NewDisposeScope();
        using var ce = torch.nn.CrossEntropyLoss(tensor(new[] { 1f, 2f }));
        using var bce = torch.nn.BCEWithLogitsLoss(pos_weight: tensor(new[] { 3f }));
        Assert.Equal(["weight"], ce.state_dict().Keys);
        Assert.Equal(["pos_weight"], bce.state_dict().Keys);
        Assert.Empty(torch.nn.MSELoss().state_dict());
        Assert.Equal("CrossEntropyLoss()", ce.ToString().Split('\n')[0]);
    }

    [Fact]
    public void WeightedLoss_SurvivesTheCallersDisposeScope()
    {
        CrossEntropyLoss loss;
        using (NewDisposeScope()) loss = torch.nn.CrossEntropyLoss(tensor(new[] { 1f, 3f }));
        using var scope = NewDisposeScope();
        Assert.Equal([1.0, 3.0], TorchAssert.ToDoubles(loss.weight!));
        loss.Dispose();
    }

    [Fact]
    public void CrossEntropy_EqualsNllOfLogSoftmax()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(7, 5);
        var y = randint(0, 5, [7]);
        var w = rand(5);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(F.nll_loss(x.log_softmax(1), y, w)), TorchAssert.ToDoubles(F.cross_entropy(x, y, w)), "CE = NLL∘log_softmax");
    }

    [Fact]
    public void CrossEntropy_WithOneHotProbabilities_EqualsClassIndices()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var x = randn(6, 3);
        var y = randint(0, 3, [6]);
        var expected = F.cross_entropy(x, y, label_smoothing: 0.2);
        var actual = F.cross_entropy(x, y.one_hot(3).to(float32), label_smoothing: 0.2);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected), TorchAssert.ToDoubles(actual), "one-hot probabilities");
    }

    [Fact]
    public void BceWithLogits_EqualsBceOfSigmoid()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn(4, 3);
        var y = rand(4, 3);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(F.binary_cross_entropy(x.sigmoid(), y)),
            TorchAssert.ToDoubles(F.binary_cross_entropy_with_logits(x, y)), "BCE(σ(x)) = BCEWithLogits(x)");
    }

    [Fact]
    public void HuberOverDelta_EqualsSmoothL1WithBetaDelta()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var x = randn(20) * 3;
        var y = randn(20);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(F.smooth_l1_loss(x, y, "none", beta: 1.5)),
            TorchAssert.ToDoubles(F.huber_loss(x, y, "none", delta: 1.5) / 1.5), "huber/δ = smooth_l1(β=δ)");
    }

    [Fact]
    public void Reduction_Unknown_ThrowsNamingTheChoices()
    {
        using var scope = NewDisposeScope();
        var x = zeros(2, 3);
        var ex = Assert.Throws<ArgumentException>(() => F.mse_loss(x, x, "avg"));
        Assert.Contains("'none', 'mean' or 'sum', got 'avg'", ex.Message);
        Assert.Throws<ArgumentException>(() => torch.nn.CrossEntropyLoss(reduction: "batchmean"));
        var kl = Assert.Throws<ArgumentException>(() => torch.nn.KLDivLoss("avg"));
        Assert.Contains("'batchmean'", kl.Message);
    }

    [Fact]
    public void ElementwiseLosses_ShapeMismatch_ThrowsInsteadOfBroadcasting()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => F.mse_loss(zeros(4, 1), zeros(4)));
        Assert.Contains("target size [4] differs from input size [4, 1]", ex.Message);
        Assert.Throws<ArgumentException>(() => F.binary_cross_entropy_with_logits(zeros(4, 1), zeros(4)));
        Assert.Throws<ArgumentException>(() => F.l1_loss(zeros(3), zeros(1)));
    }

    [Fact]
    public void Hyperparameters_OutOfRange_Throw()
    {
        using var scope = NewDisposeScope();
        var x = zeros(2, 3);
        var y = zeros([2], dtype: int64);
        Assert.Throws<ArgumentOutOfRangeException>(() => F.cross_entropy(x, y, label_smoothing: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.SmoothL1Loss(beta: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.huber_loss(x, x, delta: 0));
    }

    [Fact]
    public void InvalidTargets_ThrowTorchExceptionNamingTheOp()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => F.cross_entropy(zeros(2, 3), tensor(new[] { 0, 5 }, dtype: int64)));
        Assert.Contains("aten::cross_entropy_loss", ex.Message);
        Assert.Throws<TorchException>(() => F.binary_cross_entropy(full([2], 1.5), zeros(2)));
    }
}

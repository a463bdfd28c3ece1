using AiLab.Torch.Optimizers;
using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Tests.optim;

[Collection(TorchCollection.Name)]
public sealed class SchedulerTests
{
    private static SGD Sgd(Tensor p, double lr = 0.1, double momentum = 0) => torch.optim.SGD([p], lr, momentum);

    [Fact]
    public void Constructor_AppliesEpochZeroAndSetsInitialLrOnce()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p);
        var first = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5);
        Assert.Equal(0, first.last_epoch);
        Assert.Equal([0.1], first.get_last_lr());
        first.step();
        Assert.Equal(0.05, optimizer.param_groups[0].lr);

        // A second scheduler keeps the group's initial_lr (PyTorch's setdefault) but chains on the current lr.
        var second = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma: 0.9);
        Assert.Equal([0.1], second.base_lrs);
        second.step();
        Assert.Equal(0.05 * 0.9, optimizer.param_groups[0].lr, 15);
    }

    [Fact]
    public void Constructor_ResumingWithoutInitialLr_Throws()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p);
        var error = Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.StepLR(optimizer, step_size: 3, last_epoch: 5));
        Assert.Contains("initial_lr", error.Message);
    }

    [Fact]
    public void CosineAnnealingLR_WithOnlyThisScheduler_FollowsTheClosedForm()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p, lr: 0.2);
        var scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 8, eta_min: 0.01);
        for (var t = 1; t <= 16; t++)
        {
            scheduler.step();
            // η_t = η_min + (η_max − η_min)(1 + cos(π t / T_max)) / 2
            Assert.Equal(0.01 + (0.2 - 0.01) * (1 + Math.Cos(Math.PI * t / 8)) / 2, scheduler.get_last_lr()[0], 12);
        }
    }

    [Fact]
    public void OneCycleLR_SteppingPastTotalSteps_Throws()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p, momentum: 0.9);
        var scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 1.0, epochs: 2, steps_per_epoch: 2);
        Assert.Equal(4, scheduler.total_steps);
        for (var k = 0; k < 4; k++) scheduler.step();
        Assert.Contains("Tried to step 6 times", Assert.Throws<InvalidOperationException>(scheduler.step).Message);
    }

    [Fact]
    public void OneCycleLR_InvalidArguments_ThrowAndLeaveTheOptimizerUnchanged()
    {
        using var p = zeros([1], requires_grad: true);
        using var adagrad = torch.optim.Adagrad([p], lr: 0.1);
        Assert.Contains("momentum", Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.OneCycleLR(adagrad, max_lr: 1.0, total_steps: 10)).Message);
        Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.OneCycleLR(adagrad, max_lr: 1.0, cycle_momentum: false));
        Assert.Equal("pct_start", Assert.Throws<ArgumentOutOfRangeException>(() =>
            torch.optim.lr_scheduler.OneCycleLR(adagrad, max_lr: 1.0, total_steps: 10, pct_start: 1.5, cycle_momentum: false)).ParamName);
        Assert.Equal("anneal_strategy", Assert.Throws<ArgumentException>(() =>
            torch.optim.lr_scheduler.OneCycleLR(adagrad, max_lr: 1.0, total_steps: 10, anneal_strategy: "cosine", cycle_momentum: false)).ParamName);
        Assert.Equal(0.1, adagrad.param_groups[0].lr);
        Assert.False(adagrad.param_groups[0].options.ContainsKey("max_lr"));
    }

    [Fact]
    public void ReduceLROnPlateau_StepWithoutMetric_ThrowsExplaining()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p);
        var scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer);
        Assert.Contains("step(metrics)", Assert.Throws<InvalidOperationException>(scheduler.step).Message);
        Assert.Equal("mode", Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode: "minimum")).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor: 1.0)).ParamName);
    }

    [Fact]
    public void ReduceLROnPlateau_TensorMetricAndStateDict_ResumeTheSameCounters()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p);
        var scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience: 1, cooldown: 1, factor: 0.5);
        using var scope = NewDisposeScope();
        foreach (var loss in new[] { 1.0, 0.5, 0.6, 0.7 }) scheduler.step(tensor(loss));
        Assert.Equal((0.05, 0.5, 0, 1), (optimizer.param_groups[0].lr, scheduler.best, scheduler.num_bad_epochs, scheduler.cooldown_counter));

        using var p2 = zeros([1], requires_grad: true);
        using var optimizer2 = Sgd(p2);
        var resumed = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer2, patience: 1, cooldown: 1, factor: 0.5);
        optimizer2.load_state_dict(optimizer.state_dict());
        resumed.load_state_dict(scheduler.state_dict());
        Assert.Equal((4, 0.5, 0, 1), (resumed.last_epoch, resumed.best, resumed.num_bad_epochs, resumed.cooldown_counter));
        foreach (var loss in new[] { 0.8, 0.9, 1.0 })
        {
            scheduler.step(loss);
            resumed.step(loss);
        }
        Assert.Equal(optimizer.param_groups[0].lr, optimizer2.param_groups[0].lr);
        Assert.Equal(0.025, optimizer2.param_groups[0].lr);
    }

    [Fact]
    public void LoadStateDict_MissingEntry_ThrowsNamingIt()
    {
        using var p = zeros([1], requires_grad: true);
        using var optimizer = Sgd(p);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 2);
        using var scope = NewDisposeScope();
        var state = scheduler.state_dict();
        state.Remove("base_lrs");
        Assert.Contains("base_lrs", Assert.Throws<ArgumentException>(() => scheduler.load_state_dict(state)).Message);
    }
}

using AiLab.Torch.Optimizers;
using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Tests.optim;

[Collection(TorchCollection.Name)]
public sealed class OptimizerStateDictTests
{
    private const int Steps = 10, SaveAfter = 4;

    public static TheoryData<string> Optimizers() => ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"];

    /// <summary>Each optimizer in a configuration that uses every kind of state it has, plus a scheduler that changes its options.</summary>
    private static (torch.optim.Optimizer optimizer, LRScheduler scheduler) Create(string name, Problem problem)
    {
        var groups = problem.Groups(0.05);
        torch.optim.Optimizer optimizer = name switch
        {
            "SGD" => new SGD(groups, lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 0.01),
            "Adam" => new Adam(groups, lr: 0.05, weight_decay: 0.01, amsgrad: true),
            "AdamW" => new AdamW(groups, lr: 0.05),
            "RMSprop" => new RMSprop(groups, lr: 0.01, momentum: 0.5, centered: true),
            "Adagrad" => new Adagrad(groups, lr: 0.05, lr_decay: 0.1, initial_accumulator_value: 0.1),
            _ => throw new ArgumentException(name),
        };
        // OneCycleLR also cycles momentum / β₁, so the restored group options matter; Adagrad has neither.
        LRScheduler scheduler = name == "Adagrad"
            ? torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 6)
            : torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr: [0.1, 0.05], total_steps: Steps);
        return (optimizer, scheduler);
    }

    private static void Train(Problem problem, torch.optim.Optimizer optimizer, LRScheduler scheduler, int steps)
    {
        for (var k = 0; k < steps; k++)
        {
            problem.TrainStep(optimizer);
            scheduler.step();
        }
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void LoadStateDict_ResumedTraining_EqualsUninterruptedRun(string name)
    {
        double[] uninterrupted;
        using (var problem = OptimFixture.Linear())
        {
            var (optimizer, scheduler) = Create(name, problem);
            using (optimizer) Train(problem, optimizer, scheduler, Steps);
            uninterrupted = problem.Values();
        }

        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> optimizerState, schedulerState;
        double[] parametersAtSave;
        using (var first = OptimFixture.Linear())
        {
            var (optimizer, scheduler) = Create(name, first);
            using (optimizer)
            {
                Train(first, optimizer, scheduler, SaveAfter);
                // Copies, as a checkpoint file would hold: the live optimizer is disposed below.
                optimizerState = optimizer.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());
                schedulerState = scheduler.state_dict();
                parametersAtSave = first.Values();
            }
        }

        using var resumed = OptimFixture.Linear();
        using (no_grad())
        {
            var offset = 0;
            foreach (var p in resumed.Parameters)
            {
                var n = (int)p.numel();
                p.copy_(tensor(parametersAtSave[offset..(offset + n)], p.shape));
                offset += n;
            }
        }
        var (restored, restoredScheduler) = Create(name, resumed);
        using (restored)
        {
            restored.load_state_dict(optimizerState);
            restoredScheduler.load_state_dict(schedulerState);
            Train(resumed, restored, restoredScheduler, Steps - SaveAfter);
        }

        Assert.Equal(uninterrupted, resumed.Values());
    }

    [Fact]
    public void StateDict_Adam_HasPyTorchNumberingAndSavableTypes()
    {
        using var problem = OptimFixture.Linear();
        using var optimizer = new Adam(problem.Groups(0.1), lr: 0.1, betas: (0.8, 0.9), amsgrad: true);
        problem.TrainStep(optimizer);
        problem.TrainStep(optimizer);
        using var scope = NewDisposeScope();

        var state = optimizer.state_dict();

        Assert.Equal(
            ["param_groups.0.amsgrad", "param_groups.0.betas0", "param_groups.0.betas1", "param_groups.0.eps", "param_groups.0.lr", "param_groups.0.maximize",
             "param_groups.0.params", "param_groups.0.weight_decay",
             "param_groups.1.amsgrad", "param_groups.1.betas0", "param_groups.1.betas1", "param_groups.1.eps", "param_groups.1.lr", "param_groups.1.maximize",
             "param_groups.1.params", "param_groups.1.weight_decay",
             "state.0.exp_avg", "state.0.exp_avg_sq", "state.0.max_exp_avg_sq", "state.0.step",
             "state.1.exp_avg", "state.1.exp_avg_sq", "state.1.max_exp_avg_sq", "state.1.step"],
            state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1L], state["param_groups.1.params"].ToArray<long>());
        Assert.Equal(0.05, state["param_groups.1.lr"].item<double>());
        Assert.Equal(ScalarType.Float64, state["param_groups.0.betas0"].dtype);
        Assert.Equal(2L, state["state.1.step"].item<long>());
        Assert.Equal(ScalarType.Int64, state["state.1.step"].dtype);
        Assert.Equal([2L, 3L], state["state.0.exp_avg"].shape);
        Assert.True(state["state.0.exp_avg"].equal(optimizer.state[problem.Parameters[0]]["exp_avg"]));
    }

    [Fact]
    public void LoadStateDict_MismatchedOrMalformed_ThrowsAndLeavesOptimizerUnchanged()
    {
        using var problem = OptimFixture.Linear();
        using var optimizer = new Adam(problem.Groups(0.1), lr: 0.1);
        problem.TrainStep(optimizer);
        using var scope = NewDisposeScope();
        var good = optimizer.state_dict();

        using (var oneGroup = new Adam([new torch.optim.ParamGroup(problem.Parameters)]))
        {
            var error = Assert.Throws<ArgumentException>(() => oneGroup.load_state_dict(good));
            Assert.Contains("2 parameter group(s)", error.Message);
        }
        var malformed = new Dictionary<string, Tensor>(good) { ["state.x.exp_avg"] = zeros(2) };
        Assert.Contains("state.x.exp_avg", Assert.Throws<ArgumentException>(() => optimizer.load_state_dict(malformed)).Message);
        var wrongShape = new Dictionary<string, Tensor>(good) { ["state.1.exp_avg"] = zeros(5) };
        Assert.Contains("state.1.exp_avg has shape [5]", Assert.Throws<ArgumentException>(() => optimizer.load_state_dict(wrongShape)).Message);
        var missingOption = good.Where(e => e.Key != "param_groups.0.eps").ToDictionary();
        Assert.Contains("eps", Assert.Throws<ArgumentException>(() => optimizer.load_state_dict(missingOption)).Message);

        Assert.Equal(1, optimizer.state[problem.Parameters[1]].step);
        Assert.Equal(0.05, optimizer.param_groups[1].lr);
    }
}

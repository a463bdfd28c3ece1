using System.Text.Json;
using AiLab.Torch.Optimizers;
using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Tests.optim;

/// <summary>Every scheduler configuration of Fixtures/optim.json: the learning rates (and OneCycleLR's momentum
/// or β₁) after each step equal torch.optim.lr_scheduler's, for two groups starting at lr 0.1 and 0.05.</summary>
[Collection(TorchCollection.Name)]
public sealed class SchedulerFixtureTests
{
    /// <summary>Same formulas in the same operation order: the values agree to the last bit; allow a few ulps.</summary>
    private const double Rtol = 1e-13, Atol = 0;

    public static TheoryData<int, string> Cases() =>
        OptimFixture.Cases(OptimFixture.Schedulers, c => $"{c.GetProperty("name").GetString()} {c.GetProperty("kwargs")} with {c.GetProperty("optimizer").GetString()}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_FixtureSchedule_MatchesPyTorchLearningRatesAndMomentum(int index, string description)
    {
        var c = OptimFixture.Schedulers[index];
        using var p1 = zeros([2], float64, requires_grad: true);
        using var p2 = zeros([2], float64, requires_grad: true);
        torch.optim.ParamGroup[] groups = [new([p1]), new([p2], lr: 0.05)];
        using torch.optim.Optimizer optimizer = c.GetProperty("optimizer").GetString() switch
        {
            "SGD" => new SGD(groups, lr: 0.1, momentum: 0.9),
            "Adam" => new Adam(groups, lr: 0.1),
            "Adagrad" => new Adagrad(groups, lr: 0.1),
            var other => throw new ArgumentException(other),
        };
        var scheduler = Create(c.GetProperty("name").GetString()!, optimizer, c.GetProperty("kwargs"));
        var (lrs, momenta) = (new List<double[]>(), new List<double[]?>());
        void Record()
        {
            lrs.Add([.. scheduler.get_last_lr()]);
            momenta.Add(optimizer.defaults.ContainsKey("betas0") ? [.. optimizer.param_groups.Select(g => g.options["betas0"])]
                : optimizer.defaults.ContainsKey("momentum") ? [.. optimizer.param_groups.Select(g => g.options["momentum"])] : null);
        }

        if (c.GetProperty("metrics").ValueKind == JsonValueKind.Null)
        {
            Record();
            for (var k = 0; k < c.GetProperty("steps").GetInt32(); k++)
            {
                optimizer.step();
                scheduler.step();
                Record();
            }
        }
        else
        {
            foreach (var metric in OptimFixture.Doubles(c.GetProperty("metrics")))
            {
                optimizer.step();
                ((ReduceLROnPlateau)scheduler).step(metric);
                Record();
            }
        }

        var expectedLrs = OptimFixture.Rows(c.GetProperty("lrs"));
        var expectedMomenta = c.GetProperty("momenta").EnumerateArray().ToArray();
        Assert.Equal(expectedLrs.Length, lrs.Count);
        for (var k = 0; k < lrs.Count; k++)
        {
            TorchAssert.AssertClose(expectedLrs[k], lrs[k], $"{description}: lr at step {k}", Rtol, Atol);
            if (expectedMomenta[k][0].ValueKind == JsonValueKind.Null) Assert.Null(momenta[k]);
            else TorchAssert.AssertClose(OptimFixture.Doubles(expectedMomenta[k]), momenta[k]!, $"{description}: momentum at step {k}", Rtol, Atol);
        }
    }

    private static LRScheduler Create(string name, torch.optim.Optimizer optimizer, JsonElement kwargs)
    {
        double D(string key, double fallback) => kwargs.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        int? I(string key) => kwargs.TryGetProperty(key, out var v) ? v.GetInt32() : null;
        string S(string key, string fallback) => kwargs.TryGetProperty(key, out var v) ? v.GetString()! : fallback;
        bool B(string key, bool fallback) => kwargs.TryGetProperty(key, out var v) ? v.GetBoolean() : fallback;
        double[] List(string key) => kwargs.GetProperty(key) is { ValueKind: JsonValueKind.Array } a ? OptimFixture.Doubles(a) : [kwargs.GetProperty(key).GetDouble()];
        return name switch
        {
            "StepLR" => torch.optim.lr_scheduler.StepLR(optimizer, I("step_size")!.Value, D("gamma", 0.1)),
            "MultiStepLR" => torch.optim.lr_scheduler.MultiStepLR(optimizer, List("milestones").Select(m => (int)m), D("gamma", 0.1)),
            "ExponentialLR" => torch.optim.lr_scheduler.ExponentialLR(optimizer, D("gamma", double.NaN)),
            "CosineAnnealingLR" => torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, I("T_max")!.Value, D("eta_min", 0)),
            "OneCycleLR" => torch.optim.lr_scheduler.OneCycleLR(optimizer, List("max_lr"), I("total_steps"), I("epochs"), I("steps_per_epoch"),
                D("pct_start", 0.3), S("anneal_strategy", "cos"), B("cycle_momentum", true), D("base_momentum", 0.85), D("max_momentum", 0.95),
                D("div_factor", 25), D("final_div_factor", 1e4), B("three_phase", false)),
            "ReduceLROnPlateau" => torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, S("mode", "min"), D("factor", 0.1), I("patience") ?? 10,
                D("threshold", 1e-4), S("threshold_mode", "rel"), I("cooldown") ?? 0,
                min_lr: kwargs.TryGetProperty("min_lr", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : 0,
                min_lrs: kwargs.TryGetProperty("min_lr", out var ms) && ms.ValueKind == JsonValueKind.Array ? OptimFixture.Doubles(ms) : null),
            _ => throw new ArgumentException($"unknown scheduler {name}", nameof(name)),
        };
    }
}

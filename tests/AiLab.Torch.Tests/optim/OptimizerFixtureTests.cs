namespace AiLab.Torch.Tests.optim;

/// <summary>Every optimizer configuration of Fixtures/optim.json: ten steps on the quadratic and on the
/// two-group linear model must retrace torch.optim's trajectory (float64).</summary>
[Collection(TorchCollection.Name)]
public sealed class OptimizerFixtureTests
{
    /// <summary>Both follow the same single-tensor kernels in the same order; allow for last-bit differences only.</summary>
    private const double Rtol = 1e-10, Atol = 1e-12;

    public static TheoryData<int, string> Cases() =>
        OptimFixture.Cases(OptimFixture.Optimizers, c => $"{c.GetProperty("name").GetString()} {c.GetProperty("kwargs")} on {c.GetProperty("problem").GetString()}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_FixtureProblem_MatchesTorchOptimTrajectory(int index, string description)
    {
        var c = OptimFixture.Optimizers[index];
        var kwargs = c.GetProperty("kwargs");
        using var problem = OptimFixture.ByName(c.GetProperty("problem").GetString()!);
        using var optimizer = OptimFixture.Create(c.GetProperty("name").GetString()!, kwargs, problem.Groups(kwargs.GetProperty("lr").GetDouble()));
        var step = 0;
        foreach (var expected in OptimFixture.Rows(c.GetProperty("trajectory")))
        {
            problem.TrainStep(optimizer);
            TorchAssert.AssertClose(expected, problem.Values(), $"{description}, step {++step}", Rtol, Atol);
        }
    }
}

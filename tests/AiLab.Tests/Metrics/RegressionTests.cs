using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class RegressionTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases => Names("regression");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_MatchSklearn(string name)
    {
        var c = Case("regression", name);
        double[] y = Doubles(c.GetProperty("y_true")), yPred = Doubles(c.GetProperty("y_pred"));
        Close.Equal(Double(c.GetProperty("mse")), Regression.MeanSquaredError(y, yPred), Tolerance, $"{name} mse");
        Close.Equal(Double(c.GetProperty("rmse")), Regression.RootMeanSquaredError(y, yPred), Tolerance, $"{name} rmse");
        Close.Equal(Double(c.GetProperty("mae")), Regression.MeanAbsoluteError(y, yPred), Tolerance, $"{name} mae");
        Close.Equal(Double(c.GetProperty("r2")), Regression.R2Score(y, yPred), Tolerance, $"{name} r2");
    }

    [Fact]
    public void R2Score_ConstantTargetWithoutForceFinite_IsNegativeInfinityOrNaN()
    {
        Assert.Equal(double.NegativeInfinity, Regression.R2Score([2.0, 2.0], [2.0, 3.0], forceFinite: false));
        Assert.True(double.IsNaN(Regression.R2Score([2.0, 2.0], [2.0, 2.0], forceFinite: false)));
    }

    [Fact]
    public void MeanSquaredError_EmptyOrMismatched_Throws()
    {
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Regression.MeanSquaredError([], [])).ParamName);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Regression.MeanSquaredError([1.0], [1.0, 2.0])).ParamName);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Regression.MeanAbsoluteError([1.0], [double.PositiveInfinity])).ParamName);
    }
}

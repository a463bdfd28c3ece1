using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class ScalerTests
{
    private static readonly double[,] Train = { { 1, 10, 5 }, { 2, 20, 5 }, { 3, 30, 5 }, { 4, 40, 5 } };
    private static readonly double[,] Test = { { 5, 50, 6 }, { 0, 0, 5 } };

    [Fact]
    public void StandardScaler_FitOnTrain_UsesTrainMeanAndPopulationStd()
    {
        var scaler = new StandardScaler().Fit(Train);

        // Hand values: mean [2.5, 25, 5]; population std [√1.25, √125, 0 → 1].
        Assert.Equal([2.5, 25, 5], scaler.Mean);
        Assert.Equal([Math.Sqrt(1.25), Math.Sqrt(125), 1], scaler.Scale);
        var test = scaler.Transform(Test);
        Assert.Equal(2.5 / Math.Sqrt(1.25), test[0, 0], 1e-12);
        Assert.Equal(25 / Math.Sqrt(125), test[0, 1], 1e-12);
        Assert.Equal(1.0, test[0, 2]);
        Assert.Equal(-2.5 / Math.Sqrt(1.25), test[1, 0], 1e-12);
    }

    [Fact]
    public void StandardScaler_FitTransform_TrainColumnsHaveZeroMeanUnitVariance()
    {
        var data = Datasets.BreastCancer();
        var split = DataSplit.TrainTest(data.Count, 0.3, seed: 0, stratify: data.Labels);
        var scaler = new StandardScaler();

        var train = scaler.FitTransform(data.Features.TakeRows(split.Train));
        var test = scaler.Transform(data.Features.TakeRows(split.Test));

        for (int j = 0; j < data.FeatureCount; j++)
        {
            double[] column = train.GetColumn(j);
            double mean = column.Average();
            Assert.Equal(0, mean, 1e-9);
            Assert.Equal(1, column.Average(v => (v - mean) * (v - mean)), 1e-9);
        }
        // The test split was not used in fitting, so its mean is not exactly zero.
        Assert.NotEqual(0, test.GetColumn(0).Average(), 1e-6);
    }

    [Fact]
    public void StandardScaler_InverseTransform_RoundTrips()
    {
        var scaler = new StandardScaler().Fit(Train);

        var back = scaler.InverseTransform(scaler.Transform(Test));

        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(Test[i, j], back[i, j], 1e-12);
    }

    [Fact]
    public void StandardScaler_MissingValues_IgnoredInFitAndKeptInTransform()
    {
        var scaler = new StandardScaler().Fit(new double[,] { { 1 }, { double.NaN }, { 3 } });

        Assert.Equal([2.0], scaler.Mean);
        Assert.Equal([1.0], scaler.Scale);
        Assert.Equal([-1, double.NaN, 1], scaler.Transform([1, double.NaN, 3]));
    }

    [Fact]
    public void StandardScaler_OneDimensionalSeries_FitsOneFeature()
    {
        var scaler = new StandardScaler().Fit([2.0, 4, 6, 8]);

        Assert.Equal([5.0], scaler.Mean);
        Assert.Equal([3 / Math.Sqrt(5), 0], scaler.Transform([8.0, 5]), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void MinMaxScaler_FitOnTrain_MapsTrainRangeToTargetRange()
    {
        var scaler = new MinMaxScaler(-1, 1).Fit(Train);

        Assert.Equal([1, 10, 5], scaler.DataMin);
        Assert.Equal([4, 40, 5], scaler.DataMax);
        var train = scaler.Transform(Train);
        Assert.Equal([-1, -1, -1], [train[0, 0], train[0, 1], train[0, 2]]);
        Assert.Equal(1, train[3, 0], 1e-12);
        Assert.Equal(1, train[3, 1], 1e-12);
        // Test values outside the training range map outside [-1, 1]: 5 → −1 + 2·(5 − 1)/3 = 5/3.
        var test = scaler.Transform(Test);
        Assert.Equal(5.0 / 3, test[0, 0], 1e-12);
        // scikit-learn's constant-feature rule: x' = (x − min)·(b − a) + a, so 6 → 1.
        Assert.Equal(1, test[0, 2], 1e-12);
        Assert.Equal(-1, test[1, 2], 1e-12);
    }

    [Fact]
    public void Scalers_NotFitted_ThrowWithAdvice()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StandardScaler().Transform(Train));

        Assert.Contains("StandardScaler is not fitted", error.Message);
        Assert.Throws<InvalidOperationException>(() => new MinMaxScaler().DataMin);
    }

    [Fact]
    public void Transform_WrongFeatureCount_ThrowsNamingCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new MinMaxScaler().Fit(Train).Transform(new double[1, 2]));

        Assert.Contains("fitted on 3 features; x has 2", error.Message);
    }

    [Fact]
    public void Fit_AllMissingFeature_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(new double[,] { { 1, double.NaN } }));

        Assert.Contains("Feature 1", error.Message);
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double value) => 0;
}

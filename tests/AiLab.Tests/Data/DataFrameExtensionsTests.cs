using AiLab.Data;
using Microsoft.Data.Analysis;

namespace AiLab.Tests.Data;

public sealed class DataFrameExtensionsTests
{
    private static DataFrame Sample() => new(
        new DoubleDataFrameColumn("x", [1.5, null, 3]),
        new StringDataFrameColumn("kind", ["a", null, "b"]),
        new Int32DataFrameColumn("n", [4, 5, null]),
        new DateTimeDataFrameColumn("day", [new DateTime(2024, 1, 1), null, new DateTime(2024, 1, 3)]));

    [Fact]
    public void ToDoubleArray_DoubleAndIntegerColumns_NullBecomesNaN()
    {
        var frame = Sample();

        Assert.Equal([1.5, double.NaN, 3], frame["x"].ToDoubleArray());
        Assert.Equal([4.0, 5, double.NaN], frame["n"].ToDoubleArray());
    }

    [Fact]
    public void TypedArrays_KeepNullsForTextAndDates()
    {
        var frame = Sample();

        Assert.Equal(["a", null, "b"], (IEnumerable<string?>)frame["kind"].ToStringArray());
        Assert.Equal([new DateTime(2024, 1, 1), null, new DateTime(2024, 1, 3)], frame["day"].ToDateTimeArray());
    }

    [Fact]
    public void TypedArrays_WrongColumnType_ThrowsNamingColumnAndTypes()
    {
        var frame = Sample();

        Assert.Equal("Column 'kind' holds String values, not numbers.", Assert.Throws<InvalidOperationException>(() => frame["kind"].ToDoubleArray()).Message);
        Assert.Equal("Column 'x' holds Double values, not strings.", Assert.Throws<InvalidOperationException>(() => frame["x"].ToStringArray()).Message);
        Assert.Equal("Column 'n' holds Int32 values, not dates.", Assert.Throws<InvalidOperationException>(() => frame["n"].ToDateTimeArray()).Message);
    }

    [Fact]
    public void TypedArrays_AreCopies()
    {
        var frame = Sample();

        frame["x"].ToDoubleArray()[0] = -1;

        Assert.Equal(1.5, frame["x"][0]);
    }

    [Fact]
    public void ToMatrix_NoNames_TakesEveryNumericColumnInOrder()
    {
        Assert.Equal(new double[,] { { 1.5, 4 }, { double.NaN, 5 }, { 3, double.NaN } }, Sample().ToMatrix());
    }

    [Fact]
    public void ToMatrix_NamedColumns_InTheOrderGiven()
    {
        Assert.Equal(new double[,] { { 4, 1.5 }, { 5, double.NaN }, { double.NaN, 3 } }, Sample().ToMatrix("n", "x"));
    }

    [Fact]
    public void ToMatrix_UnknownOrTextColumn_ThrowsClearly()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Sample().ToMatrix("x", "y"));
        var text = Assert.Throws<InvalidOperationException>(() => Sample().ToMatrix("kind"));

        Assert.StartsWith("The DataFrame has no column 'y'. Its columns: 'x', 'kind', 'n', 'day'.", unknown.Message);
        Assert.Equal("Column 'kind' holds String values, not numbers.", text.Message);
    }

    [Fact]
    public void MissingMask_TrueWhereNull()
    {
        Assert.Equal(new bool[,] { { false, false, false, false }, { true, true, false, true }, { false, false, true, false } }, Sample().MissingMask());
        Assert.Equal(new bool[,] { { false }, { false }, { true } }, Sample().MissingMask("n"));
    }

    [Fact]
    public void MissingMask_Cars_CountsMatchNullCounts()
    {
        var cars = Datasets.Cars();

        bool[,] mask = cars.MissingMask("Miles_per_Gallon", "Horsepower");

        Assert.Equal((8, 6), (Enumerable.Range(0, 406).Count(i => mask[i, 0]), Enumerable.Range(0, 406).Count(i => mask[i, 1])));
    }

    [Fact]
    public void ToTensor_Float32MatrixWithNaN()
    {
        using var tensor = Sample().ToTensor("x", "n");

        Assert.Equal([3L, 2], tensor.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, tensor.dtype);
        Assert.Equal([1.5f, 4, float.NaN, 5, 3, float.NaN], tensor.data<float>().ToArray());
    }

    [Fact]
    public void ToMatrix_Penguins_FeedsTheImputers()
    {
        var penguins = Datasets.Penguins();
        string[] measurements = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];

        double[,] x = penguins.ToMatrix(measurements);
        var imputer = new AiLab.Classic.SimpleImputer().Fit(x);

        Assert.Equal((344, 4), (x.GetLength(0), x.GetLength(1)));
        Assert.True(double.IsNaN(x[3, 0]));
        // numpy.nanmean of body mass over the 342 observed penguins.
        Assert.Equal(4201.754385964912, imputer.Statistics[3], 1e-9);
        Assert.Equal(imputer.Statistics[3], imputer.Transform(x)[3, 3]);
    }
}

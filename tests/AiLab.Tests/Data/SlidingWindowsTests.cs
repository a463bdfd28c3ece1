using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class SlidingWindowsTests
{
    [Fact]
    public void Create_InputThreeHorizonTwo_WindowsInTimeOrder()
    {
        double[] series = [0, 1, 2, 3, 4, 5, 6];

        var windows = SlidingWindows.Create(series, inputLength: 3, horizon: 2);

        Assert.Equal(new double[,] { { 0, 1, 2 }, { 1, 2, 3 }, { 2, 3, 4 } }, windows.Inputs);
        Assert.Equal(new double[,] { { 3, 4 }, { 4, 5 }, { 5, 6 } }, windows.Targets);
        Assert.Equal([3, 4, 5], windows.TargetStarts);
    }

    [Fact]
    public void Create_Stride_SkipsStartsAndNeverReadsPastEnd()
    {
        var windows = SlidingWindows.Create([0.0, 1, 2, 3, 4, 5, 6, 7], inputLength: 2, horizon: 1, stride: 3);

        Assert.Equal(new double[,] { { 0, 1 }, { 3, 4 } }, windows.Inputs);
        Assert.Equal(new double[,] { { 2 }, { 5 } }, windows.Targets);
    }

    [Fact]
    public void Create_Co2_TargetsFollowInputsInTheSeries()
    {
        double[] co2 = Datasets.Co2Concentration()["CO2"].ToDoubleArray();

        var windows = SlidingWindows.Create(co2, inputLength: 24, horizon: 12);

        Assert.Equal(741 - 36 + 1, windows.Inputs.GetLength(0));
        for (int w = 0; w < windows.TargetStarts.Length; w += 50)
            for (int h = 0; h < 12; h++)
                Assert.Equal(co2[windows.TargetStarts[w] + h], windows.Targets[w, h]);
    }

    [Fact]
    public void Create_SeriesShorterThanOneWindow_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SlidingWindows.Create([1.0, 2], inputLength: 2));

        Assert.Contains("inputLength + horizon = 3", error.Message);
    }

    [Theory]
    [InlineData(10, 4, 3)]
    [InlineData(10, 4, 2)]
    [InlineData(3, 4, 2)]
    [InlineData(100, 16, 16)]
    [InlineData(101, 16, 5)]
    public void Spans_AnyLength_CoverEveryItemWithFullWindows(int length, int size, int stride)
    {
        var spans = SlidingWindows.Spans(length, size, stride);

        var covered = new bool[length];
        foreach (var span in spans)
        {
            var (offset, count) = span.GetOffsetAndLength(length);
            Assert.Equal(Math.Min(size, length), count);
            for (int i = offset; i < offset + count; i++)
                covered[i] = true;
        }
        Assert.All(covered, Assert.True);
        Assert.Equal(spans.Distinct().Count(), spans.Length);
    }

    [Fact]
    public void Spans_TenByFourStrideThree_AddsWindowEndingAtEnd()
    {
        Assert.Equal([0..4, 3..7, 6..10], SlidingWindows.Spans(10, 4, 3));
        Assert.Equal([0..4, 3..7, 6..10, 7..11], SlidingWindows.Spans(11, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlidingWindows.Spans(10, 4, 5));
    }
}

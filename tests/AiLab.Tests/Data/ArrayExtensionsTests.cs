using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class ArrayExtensionsTests
{
    [Fact]
    public void TakeRows_EachRank_CopiesWholeSamplesInOrder()
    {
        var matrix = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var images = new int[3, 1, 2, 2];
        for (int n = 0; n < 3; n++)
            for (int i = 0; i < 4; i++)
                images[n, 0, i / 2, i % 2] = 10 * n + i;

        Assert.Equal(["c", "a", "c"], new[] { "a", "b", "c" }.TakeRows([2, 0, 2]));
        Assert.Equal(new double[,] { { 5, 6 }, { 1, 2 } }, matrix.TakeRows([2, 0]));
        Assert.Equal(new[,,,] { { { { 20, 21 }, { 22, 23 } } } }, images.TakeRows([2]));
    }

    [Fact]
    public void TakeRows_IndexOutOfRange_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new double[2, 2].TakeRows([2]));

        Assert.Contains("Row index 2 is outside 0..1", error.Message);
    }

    [Fact]
    public void ConcatColumns_StacksSideBySide()
    {
        var joined = ArrayExtensions.ConcatColumns(new double[,] { { 1 }, { 2 } }, new double[,] { { 3, 4 }, { 5, 6 } });

        Assert.Equal(new double[,] { { 1, 3, 4 }, { 2, 5, 6 } }, joined);
        Assert.Throws<ArgumentException>(() => ArrayExtensions.ConcatColumns(new double[2, 1], new double[3, 1]));
        Assert.Equal([3.0, 5], joined.GetColumn(1));
    }
}

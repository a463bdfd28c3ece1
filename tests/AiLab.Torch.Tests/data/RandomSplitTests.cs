using AiLab.Torch.Data;
using static AiLab.Torch.torch.utils.data;

namespace AiLab.Torch.Tests.data;

[Collection(TorchCollection.Name)]
public sealed class RandomSplitTests
{
    private static TensorDataset Indexed(long n)
    {
        using var scope = NewDisposeScope();
        return TensorDataset(arange(n));
    }

    [Theory]
    [InlineData(10, new[] { 0.7, 0.2, 0.1 }, new long[] { 7, 2, 1 })]
    [InlineData(11, new[] { 0.5, 0.5 }, new long[] { 6, 5 })]
    [InlineData(10, new[] { 0.34, 0.33, 0.33 }, new long[] { 4, 3, 3 })]
    public void Fractions_GiveFloorSizesWithRemainderRoundRobin(long n, double[] fractions, long[] expected)
    {
        using var data = Indexed(n);
        Assert.Equal(expected, random_split(data, fractions, seed: 0).Select(s => s.Count));
    }

    [Fact]
    public void Split_IsAPartition_DeterministicPerSeed()
    {
        using var data = Indexed(50);
        var parts = random_split(data, [30L, 15, 5], seed: 9);
        var all = parts.SelectMany(p => p.indices).ToArray();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), all.Order());
        Assert.Equal(parts[1].indices, random_split(data, [30L, 15, 5], seed: 9)[1].indices);
        Assert.NotEqual(parts[0].indices, random_split(data, [30L, 15, 5], seed: 10)[0].indices);
        using var scope = NewDisposeScope();
        Assert.Equal(parts[2].indices[0], parts[2][0][0].item<long>());
    }

    [Fact]
    public void Subset_BatchesThroughTheUnderlyingDataset()
    {
        using var data = Indexed(20);
        var subset = new Subset<Tensor[]>(data, [5, 3, 19]);
        var batch = DataLoader(subset, batch_size: 3).Select(b => b[0].ToArray<long>()).Single();
        Assert.Equal([5L, 3, 19], batch);
    }

    [Fact]
    public void BadLengthsOrIndices_Throw()
    {
        using var data = Indexed(10);
        Assert.Contains("does not equal the length", Assert.Throws<ArgumentException>(() => random_split(data, [5L, 4])).Message);
        Assert.Throws<ArgumentException>(() => random_split(data, [0.5, 0.6]));
        Assert.Throws<ArgumentException>(() => random_split(data, [11L, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Subset<Tensor[]>(data, [10]));
    }
}

using AiLab.Torch.Data;
using static AiLab.Torch.torch.utils.data;

namespace AiLab.Torch.Tests.data;

[Collection(TorchCollection.Name)]
public sealed class DataLoaderTests
{
    // Sample i is ([i, 10i, 100i], i): the label names the sample, so batches can be checked exactly.
    private static TensorDataset Numbered(long n)
    {
        using var scope = NewDisposeScope();
        var i = arange(n, dtype: float32);
        return TensorDataset(stack([i, i * 10, i * 100], 1), arange(n));
    }

    private static List<long[]> Epoch<T>(DataLoader<T, Tensor[]> loader) =>
        loader.Select(batch => batch[1].ToArray<long>()).ToList();

    [Fact]
    public void Shuffle_EverySampleExactlyOncePerEpoch()
    {
        using var data = Numbered(23);
        var loader = DataLoader(data, batch_size: 5, shuffle: true, seed: 7);
        for (var epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 23).Select(i => (long)i), Epoch(loader).SelectMany(b => b).Order());
    }

    [Fact]
    public void Batches_HaveBatchShapes_LastOnePartial_FeaturesMatchLabels()
    {
        using var data = Numbered(23);
        var loader = DataLoader(data, batch_size: 5, shuffle: true, seed: 1);
        Assert.Equal(5, loader.Count);
        var shapes = new List<long[]>();
        foreach (var (x, y) in loader)
        {
            shapes.Add(x.shape);
            Assert.Equal([y.size(0)], y.shape);
            Assert.Equal(ScalarType.Int64, y.dtype);
            var labels = y.ToArray<long>();
            var rows = x.ToArray<float>();
            for (var r = 0; r < labels.Length; r++)
                Assert.Equal([labels[r], 10f * labels[r], 100f * labels[r]], rows.Skip(3 * r).Take(3).Select(v => (long)v).Select(v => (float)v));
        }
        Assert.Equal([[5L, 3], [5, 3], [5, 3], [5, 3], [3, 3]], shapes);
    }

    [Fact]
    public void DropLast_SkipsThePartialBatch()
    {
        using var data = Numbered(23);
        var loader = DataLoader(data, batch_size: 5, drop_last: true);
        Assert.Equal(4, loader.Count);
        var batches = Epoch(loader);
        Assert.Equal(4, batches.Count);
        Assert.All(batches, b => Assert.Equal(5, b.Length));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), batches.SelectMany(b => b)); // no shuffle: index order
    }

    [Fact]
    public void Shuffle_SameSeedSameOrders_DifferentEpochsDiffer_EpochCanBeReplayed()
    {
        using var data = Numbered(40);
        var a = DataLoader(data, batch_size: 8, shuffle: true, seed: 42);
        var b = DataLoader(data, batch_size: 8, shuffle: true, seed: 42);
        var other = DataLoader(data, batch_size: 8, shuffle: true, seed: 43);
        var a0 = Epoch(a).SelectMany(x => x).ToArray();
        var a1 = Epoch(a).SelectMany(x => x).ToArray();
        Assert.Equal(a0, Epoch(b).SelectMany(x => x));
        Assert.Equal(a1, Epoch(b).SelectMany(x => x));
        Assert.NotEqual(a0, a1);
        Assert.NotEqual(a0, Epoch(other).SelectMany(x => x));
        Assert.Equal(2, a.epoch);
        a.epoch = 1;
        Assert.Equal(a1, Epoch(a).SelectMany(x => x));
    }

    [Fact]
    public void Shuffle_WithoutSeed_FollowsTorchManualSeed()
    {
        using var data = Numbered(30);
        manual_seed(5);
        var first = Epoch(DataLoader(data, batch_size: 30, shuffle: true)).Single();
        manual_seed(5);
        var again = Epoch(DataLoader(data, batch_size: 30, shuffle: true)).Single();
        manual_seed(6);
        var other = Epoch(DataLoader(data, batch_size: 30, shuffle: true)).Single();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void SeededPermutation_IsUniformOverSmallPermutations()
    {
        // 24,000 seeds over the 24 permutations of 4 items: each should appear ≈ 1000 times (±15 % is > 4σ).
        var counts = new Dictionary<string, int>();
        for (var s = 0; s < 24_000; s++)
        {
            var key = string.Join("", SeededPermutation.Of(4, s, epoch: 0));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        Assert.Equal(24, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void CustomCollate_ReceivesTheSamplesOfEachBatch()
    {
        using var data = Numbered(7);
        var sizes = new List<int>();
        var loader = DataLoader(data, batch_size: 3, collate_fn: samples =>
        {
            sizes.Add(samples.Count);
            return [stack(samples.Select(s => s[0]).ToArray()).sum(1), stack(samples.Select(s => s[1]).ToArray())];
        });
        var sums = loader.Select(b => b[0].ToArray<float>()).SelectMany(v => v).ToArray();
        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => 111f * i), sums);
    }

    [Fact]
    public void BatchedAccess_EqualsStackingTheSamples()
    {
        using var data = Numbered(9);
        using var scope = NewDisposeScope();
        var indices = new long[] { 4, 0, 8, 4 };
        Assert.True(data.TryGetBatch(indices, out var fast));
        var slow = default_collate(indices.Select(i => data[i]).ToList());
        Assert.True(fast[0].equal(slow[0]));
        Assert.True(fast[1].equal(slow[1]));
    }

    private sealed class Words : Dataset<(Tensor Code, string Word)>
    {
        private static readonly string[] All = ["zero", "one", "two", "three", "four"];
        public override long Count => All.Length;
        public override (Tensor Code, string Word) this[long index]
        {
            get
            {
                CheckIndex(index);
                return (full([2], index), All[index]);
            }
        }
    }

    [Fact]
    public void GenericLoader_TupleBatches_OwnsTheirTensors()
    {
        using var words = new Words();
        var loader = DataLoader(words, (IReadOnlyList<(Tensor Code, string Word)> samples) =>
            (Codes: stack(samples.Select(s => s.Code).ToArray()), Words: samples.Select(s => s.Word).ToArray()), batch_size: 2);
        var live = LiveTensors.Settled();
        var seen = new List<(Tensor, string[])>();
        foreach (var (codes, text) in loader)
        {
            Assert.Equal([text.Length, 2L], codes.shape);
            Assert.Equal(live + 1, Tensor.LiveCount); // only the batch: the sample tensors were freed after collating
            seen.Add((codes, text));
        }
        Assert.Equal(["zero", "one", "two", "three", "four"], seen.SelectMany(s => s.Item2));
        Assert.All(seen, s => Assert.True(s.Item1.IsDisposed));
        Assert.Equal(live, Tensor.LiveCount);
    }

    [Fact]
    public void Ownership_PreviousBatchDisposedOnNext_LastOnEnd_NothingLeaks()
    {
        using var data = Numbered(10);
        var loader = DataLoader(data, batch_size: 4, shuffle: true, seed: 3);
        var live = LiveTensors.Settled();
        Tensor[]? previous = null;
        foreach (var batch in loader)
        {
            if (previous is not null) Assert.All(previous, t => Assert.True(t.IsDisposed));
            Assert.All(batch, t => Assert.False(t.IsDisposed));
            previous = batch;
        }
        Assert.All(previous!, t => Assert.True(t.IsDisposed));
        Assert.Equal(live, Tensor.LiveCount);
    }

    [Fact]
    public void Ownership_EarlyStop_BatchInHandJoinsTheCurrentScope()
    {
        using var data = Numbered(10);
        var loader = DataLoader(data, batch_size: 4);
        Tensor x;
        using (NewDisposeScope())
        {
            (x, _) = loader.First();
            Assert.False(x.IsDisposed);
            Assert.Equal([1f, 10, 100], x[1].ToArray<float>());
        }
        Assert.True(x.IsDisposed);
    }

    [Fact]
    public void Ownership_CollateReturningExistingTensor_IsNotDisposed()
    {
        using var data = Numbered(4);
        using var shared = ones(3);
        var loader = DataLoader(data, batch_size: 2, collate_fn: samples => [shared, stack(samples.Select(s => s[1]).ToArray())]);
        foreach (var (s, _) in loader) Assert.Same(shared, s);
        Assert.False(shared.IsDisposed);
    }

    [Fact]
    public void ManyEpochs_KeepLiveTensorCountFlat()
    {
        using var data = Numbered(100);
        var loader = DataLoader(data, batch_size: 7, shuffle: true, seed: 0);
        var live = LiveTensors.Settled();
        for (var epoch = 0; epoch < 50; epoch++)
            foreach (var (x, y) in loader)
            {
                using var scope = NewDisposeScope();
                _ = (x * 2 + y.unsqueeze(1)).sum();
            }
        Assert.Equal(live, Tensor.LiveCount);
    }

    [Fact]
    public void SingleTensorDataset_BatchesAreTensors()
    {
        using var scope = NewDisposeScope();
        var data = new Subset<Tensor>(new Rows(arange(10, dtype: float32).reshape(5, 2)), [4, 0, 2]);
        var batches = DataLoader(data, batch_size: 2).Select(b => b.ToArray<float>()).ToList();
        Assert.Equal([[8f, 9, 0, 1], [4f, 5]], batches);
    }

    private sealed class Rows(Tensor matrix) : Dataset<Tensor>
    {
        public override long Count => matrix.size(0);
        public override Tensor this[long index] => matrix[index];
    }

    [Fact]
    public void BadArguments_Throw()
    {
        using var scope = NewDisposeScope();
        using var data = Numbered(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataLoader(data, batch_size: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data[3]);
        Assert.Throws<ArgumentException>(() => TensorDataset(zeros(3, 2), zeros(4)));
        Assert.Throws<ArgumentException>(() => TensorDataset(zeros(3), tensor(1f)));
        Assert.Throws<ArgumentException>(() => TensorDataset());
        var ex = Assert.Throws<ArgumentException>(() => { var (a, b, c) = data[0]; });
        Assert.Contains("batch of 2 tensors into 3", ex.Message);
    }

    [Fact]
    public void TensorDataset_KeepsItsOwnHandles()
    {
        TensorDataset data;
        using (NewDisposeScope()) data = TensorDataset(arange(4, dtype: float32), arange(4));
        using (data)
        using (NewDisposeScope())
            Assert.Equal([2f], data[2][0].reshape(1).ToArray<float>());
    }
}

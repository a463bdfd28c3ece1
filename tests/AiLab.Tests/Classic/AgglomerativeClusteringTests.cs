using AiLab.Classic;

namespace AiLab.Tests.Classic;

/// <summary>AgglomerativeClustering against scikit-learn's (labels, children_, distances_) and SciPy's linkage heights.</summary>
public sealed class AgglomerativeClusteringTests
{
    [Theory]
    [InlineData(Linkage.Ward, "ward", 2)]
    [InlineData(Linkage.Ward, "ward", 4)]
    [InlineData(Linkage.Complete, "complete", 2)]
    [InlineData(Linkage.Complete, "complete", 4)]
    [InlineData(Linkage.Average, "average", 2)]
    [InlineData(Linkage.Average, "average", 4)]
    [InlineData(Linkage.Single, "single", 2)]
    [InlineData(Linkage.Single, "single", 4)]
    public void Tree_AndCut_MatchSklearnAndScipy(Linkage linkage, string name, int k)
    {
        var f = SklearnFixtures.Agglomerative;
        var expected = f.GetProperty($"{name}_{k}");
        var model = new AgglomerativeClustering(k, linkage).Fit(f.Matrix("X"));
        TestData.AssertSamePartition(expected.Ints("labels"), model.Labels);
        Assert.Equal(k, model.Labels.Distinct().Count());
        Approx.Equal(expected.Vector("distances"), model.Distances, 1e-12, "distances");
        Approx.Equal(f.Vector($"{name}_scipy_heights"), model.Distances, 1e-12, "scipy heights");
        var children = expected.GetProperty("children").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).Order().ToArray()).ToArray();
        for (int i = 0; i < children.Length; i++)
            Assert.Equal(children[i], new[] { model.Children[i, 0], model.Children[i, 1] });
    }

    [Fact]
    public void Single_OnALine_CutsAtTheLargestGaps()
    {
        // Single linkage is the minimum spanning tree: on a line, k clusters are what the k − 1 widest gaps separate.
        var rng = new Random(11);
        double[] values = [.. Enumerable.Range(0, 40).Select(_ => 100 * rng.NextDouble())];
        var x = new double[values.Length, 2];
        for (int i = 0; i < values.Length; i++) x[i, 0] = values[i];
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i])];
        var cuts = Enumerable.Range(1, values.Length - 1).OrderByDescending(r => values[order[r]] - values[order[r - 1]]).Take(2).ToHashSet();
        var expected = new int[values.Length];
        for (int r = 0, cluster = 0; r < order.Length; r++)
        {
            if (cuts.Contains(r)) cluster++;
            expected[order[r]] = cluster;
        }
        TestData.AssertSamePartition(expected, new AgglomerativeClustering(3, Linkage.Single).FitPredict(x));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("nClusters", Assert.Throws<ArgumentOutOfRangeException>(() => new AgglomerativeClustering(0)).ParamName);
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => new AgglomerativeClustering(3).Fit(new double[2, 2])).ParamName);
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => new AgglomerativeClustering().Fit(new double[,] { { 1, double.NaN }, { 0, 0 } })).ParamName);
        Assert.Throws<InvalidOperationException>(() => new AgglomerativeClustering().Labels);
    }
}

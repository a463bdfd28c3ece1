using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class ClusteringAndAnomalyTests
{
    private static readonly double[][] Centers = [[0, 0], [10, 0], [0, 10], [10, 10]];

    [Fact]
    public void KMeans_WellSeparatedBlobs_RecoversThePartition()
    {
        var (x, truth) = TestData.Blobs(Centers, 50, 0.8, seed: 61);
        var kmeans = new KMeans(nClusters: 4, seed: 3).Fit(x);
        TestData.AssertSamePartition(truth, kmeans.Labels);
        // Each centre is the mean of its cluster, and inertia is the sum of squared distances to it.
        double inertia = 0;
        for (int c = 0; c < 4; c++)
        {
            var members = Enumerable.Range(0, 200).Where(i => kmeans.Labels[i] == c).ToArray();
            for (int j = 0; j < 2; j++) Approx.Equal(members.Average(i => x[i, j]), kmeans.ClusterCenters[c, j], 1e-9, $"centre {c}");
            inertia += members.Sum(i => Math.Pow(x[i, 0] - kmeans.ClusterCenters[c, 0], 2) + Math.Pow(x[i, 1] - kmeans.ClusterCenters[c, 1], 2));
        }
        Approx.Equal(inertia, kmeans.Inertia, 1e-8, "inertia");
        Approx.Equal(-inertia, kmeans.Score(x), 1e-8, "score");
        Assert.Equal(kmeans.Labels, kmeans.Predict(x));
    }

    [Fact]
    public void KMeans_SameSeed_IsDeterministicAndTransformGivesDistances()
    {
        var (x, _) = TestData.Blobs(Centers, 30, 2.0, seed: 62);
        var a = new KMeans(4, seed: 9).Fit(x);
        var b = new KMeans(4, seed: 9).Fit(x);
        Assert.Equal(a.Labels, b.Labels);
        Approx.Equal(a.ClusterCenters, b.ClusterCenters, 0);
        var distances = a.Transform(x);
        for (int i = 0; i < 120; i++)
            Assert.Equal(a.Labels[i], Enumerable.Range(0, 4).MinBy(c => distances[i, c]));
    }

    [Fact]
    public void KMeans_MoreInitializations_NeverIncreaseInertia()
    {
        var (x, _) = TestData.Blobs([[0, 0], [4, 0], [2, 3], [6, 3], [8, 0]], 20, 1.5, seed: 63);
        double single = new KMeans(5, nInit: 1, seed: 4).Fit(x).Inertia;
        double many = new KMeans(5, nInit: 10, seed: 4).Fit(x).Inertia;
        Assert.True(many <= single + 1e-9, $"nInit 10: {many}, nInit 1: {single}");
    }

    [Fact]
    public void Dbscan_TwoDenseBlobsAndScatteredPoints_FindsClustersAndNoise()
    {
        var (blobs, truth) = TestData.Blobs([[0, 0], [5, 5]], 40, 0.3, seed: 64);
        double[,] noise = { { 2.5, 2.5 }, { -3, 4 }, { 8, -1 }, { 10, 10 } };
        var x = new double[84, 2];
        for (int i = 0; i < 80; i++) { x[i, 0] = blobs[i, 0]; x[i, 1] = blobs[i, 1]; }
        for (int i = 0; i < 4; i++) { x[80 + i, 0] = noise[i, 0]; x[80 + i, 1] = noise[i, 1]; }
        var dbscan = new DBSCAN(eps: 0.8, minSamples: 5).Fit(x);
        Assert.Equal(2, dbscan.NClusters);
        Assert.All(dbscan.Labels[80..], label => Assert.Equal(-1, label));
        TestData.AssertSamePartition(truth, dbscan.Labels[..80]);
    }

    [Fact]
    public void Dbscan_HandWorkedExample_LabelsCoreBorderAndNoise()
    {
        // Points 0, 1, 2, 3 and 10 on a line, eps = 1.1, minSamples = 3: the inner points 1 and 2 have three
        // neighbours (themselves and both sides) and are core; 0 and 3 are border points; 10 is noise.
        double[,] x = { { 0 }, { 1 }, { 2 }, { 3 }, { 10 } };
        var dbscan = new DBSCAN(eps: 1.1, minSamples: 3).Fit(x);
        Assert.Equal([0, 0, 0, 0, -1], dbscan.Labels);
        Assert.Equal([1, 2], dbscan.CoreSampleIndices);
    }

    [Fact]
    public void IsolationForest_PlantedOutliers_RankFirst()
    {
        var x = TestData.Normal(300, 4, seed: 65);
        int[] planted = [17, 123, 250];
        var rng = new Random(66);
        foreach (int i in planted)
            for (int j = 0; j < 4; j++) x[i, j] = (rng.NextDouble() < 0.5 ? -1 : 1) * (6 + rng.NextDouble());
        var forest = new IsolationForest(seed: 7).Fit(x);
        var scores = forest.AnomalyScore(x);
        var top = Enumerable.Range(0, 300).OrderByDescending(i => scores[i]).Take(3).Order().ToArray();
        Assert.Equal(planted, top);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.All(planted, i => Assert.True(scores[i] > 0.6, $"outlier {i} scored {scores[i]}"));
        Assert.Equal(scores.Select(s => -s), forest.ScoreSamples(x));
        Assert.All(planted, i => Assert.Equal(-1, forest.Predict(x)[i]));
    }

    [Fact]
    public void IsolationForest_Contamination_FlagsThatFractionOfTrainingRows()
    {
        var x = TestData.Normal(200, 3, seed: 67);
        var forest = new IsolationForest(contamination: 0.05, seed: 1).Fit(x);
        int flagged = forest.Predict(x).Count(p => p == -1);
        Assert.InRange(flagged, 9, 11);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, 1.207392357589623)] // 2(ln 2 + γ) − 4/3, as scikit-learn's _average_path_length
    [InlineData(256, 10.244770920119917)] // 2(ln 255 + γ) − 2·255/256
    public void AveragePathLength_MatchesClosedForm(int n, double expected) =>
        Approx.Equal(expected, IsolationForest.AveragePathLength(n), 1e-12);
}

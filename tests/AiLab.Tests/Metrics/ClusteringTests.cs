using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class ClusteringTests
{
    public static TheoryData<string> SilhouetteCases => Names("silhouette");

    public static TheoryData<string> RandCases => Names("adjusted_rand");

    [Theory]
    [MemberData(nameof(SilhouetteCases))]
    public void Silhouette_MatchesSklearnOrThrowsLikeIt(string name)
    {
        var c = Case("silhouette", name);
        double[,] x = Matrix(c.GetProperty("x"));
        int[] labels = Ints(c.GetProperty("labels"));
        var expected = c.GetProperty("score");
        if (IsError(expected))
        {
            var e = Assert.Throws<ArgumentException>(() => Clustering.SilhouetteScore(x, labels));
            Assert.Equal("labels", e.ParamName);
            return;
        }
        // scikit-learn computes distances as sqrt(|x|² − 2x·y + |y|²), which rounds differently from the direct form.
        Close.Equal(Double(expected), Clustering.SilhouetteScore(x, labels), 1e-10, $"{name} score");
        Close.Equal(Doubles(c.GetProperty("samples")), Clustering.SilhouetteSamples(x, labels), 1e-10, $"{name} samples");
    }

    [Theory]
    [MemberData(nameof(RandCases))]
    public void AdjustedRandScore_MatchesSklearn(string name)
    {
        var c = Case("adjusted_rand", name);
        int[] a = Ints(c.GetProperty("labels_true")), b = Ints(c.GetProperty("labels_pred"));
        Close.Equal(Double(c.GetProperty("ari")), Clustering.AdjustedRandScore(a, b), 1e-14, name);
        Close.Equal(Double(c.GetProperty("ari")), Clustering.AdjustedRandScore(b, a), 1e-14, $"{name} (swapped)");
    }

    [Fact]
    public void AdjustedRandScore_EmptyInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Clustering.AdjustedRandScore([], []));
    }
}

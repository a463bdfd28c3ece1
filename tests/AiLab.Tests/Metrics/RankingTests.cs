using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class RankingTests
{
    public static TheoryData<string> Cases => Names("retrieval");

    [Theory]
    [MemberData(nameof(Cases))]
    public void RecallAtK_DistinctScores_EqualsSklearnTopKAccuracy(string name)
    {
        var c = Case("retrieval", name);
        double[,] similarity = Matrix(c.GetProperty("similarity"));
        int[] relevant = Ints(c.GetProperty("relevant"));
        foreach (var entry in c.GetProperty("recall_at_k").EnumerateObject())
        {
            int k = int.Parse(entry.Name);
            Close.Equal(Double(entry.Value), Ranking.RecallAtK(similarity, relevant, k), 1e-15, $"{name} k={k}");
            if (similarity.GetLength(0) == similarity.GetLength(1))
                Close.Equal(Double(entry.Value), Ranking.RecallAtK(similarity, k), 1e-15, $"{name} diagonal k={k}");
        }
    }

    [Fact]
    public void RelevantRanks_Ties_CountAgainstTheQuery()
    {
        var similarity = new double[,]
        {
            { 0.9, 0.1, 0.2 }, // rank 1
            { 0.5, 0.5, 0.5 }, // all tied: rank 3 (pessimistic)
            { 0.7, 0.8, 0.7 }, // relevant 2 ties with 0, below 1: rank 3
        };
        Assert.Equal([1, 3, 3], Ranking.RelevantRanks(similarity, [0, 1, 2]));
        Assert.Equal(1.0 / 3, Ranking.RecallAtK(similarity, 1), 15);
        Assert.Equal(1.0 / 3, Ranking.RecallAtK(similarity, 2), 15);
        Assert.Equal(1.0, Ranking.RecallAtK(similarity, 3), 15);
    }

    [Fact]
    public void RecallAtK_BadArguments_Throw()
    {
        var similarity = new double[,] { { 1, 0 }, { 0, 1 } };
        Assert.Throws<ArgumentOutOfRangeException>(() => Ranking.RecallAtK(similarity, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ranking.RecallAtK(similarity, [0, 2], 1));
        Assert.Throws<ArgumentException>(() => Ranking.RecallAtK(new double[2, 3], 1));
    }
}

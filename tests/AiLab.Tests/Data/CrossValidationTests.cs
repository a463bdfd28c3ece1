using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class CrossValidationTests
{
    [Fact]
    public void KFold_TenSamplesThreeFolds_SizesFourThreeThreeAndDisjoint()
    {
        var folds = CrossValidation.KFold(10, 3, seed: 0);

        Assert.Equal([4, 3, 3], folds.Select(f => f.Validation.Length));
        AssertPartition(folds, 10);
    }

    [Fact]
    public void KFold_NoShuffle_ConsecutiveBlocksAsScikitLearn()
    {
        var folds = CrossValidation.KFold(7, 3, seed: 0, shuffle: false);

        Assert.Equal([0, 1, 2], folds[0].Validation);
        Assert.Equal([3, 4], folds[1].Validation);
        Assert.Equal([5, 6], folds[2].Validation);
        Assert.Equal([0, 1, 2, 5, 6], folds[1].Train);
    }

    [Fact]
    public void StratifiedKFold_Wine_EachFoldKeepsClassRatioWithinTwoPoints()
    {
        var labels = Datasets.Wine().Labels;

        var folds = CrossValidation.StratifiedKFold(labels, 5, seed: 42);

        AssertPartition(folds, labels.Length);
        foreach (var fold in folds)
        {
            Assert.InRange(fold.Validation.Length, 35, 36);
            for (int c = 0; c < 3; c++)
            {
                int total = labels.Count(l => l == c);
                int inFold = fold.Validation.Count(i => labels[i] == c);
                Assert.InRange(inFold, total / 5, total / 5 + 1);
            }
        }
    }

    [Fact]
    public void StratifiedKFold_BreastCancer_FoldClassRatioWithinTwoPointsOfOverall()
    {
        var labels = Datasets.BreastCancer().Labels;
        double overall = labels.Average();

        foreach (var fold in CrossValidation.StratifiedKFold(labels, 10, seed: 1))
            Assert.InRange(fold.Validation.Average(i => (double)labels[i]), overall - 0.02, overall + 0.02);
    }

    [Fact]
    public void KFold_InvalidK_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(10, 1, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(3, 4, seed: 0));
    }

    private static void AssertPartition(IReadOnlyList<Fold> folds, int count)
    {
        Assert.Equal(Enumerable.Range(0, count), folds.SelectMany(f => f.Validation).Order());
        foreach (var fold in folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Validation));
            Assert.Equal(Enumerable.Range(0, count), fold.Train.Concat(fold.Validation).Order());
            Assert.Equal(fold.Validation.Order(), fold.Validation);
        }
    }
}

using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class DataSplitTests
{
    [Fact]
    public void TrainTest_Stratified_PartsDisjointCompleteAndClassRatioKept()
    {
        var labels = Datasets.BreastCancer().Labels;

        var split = DataSplit.TrainTest(labels.Length, 0.25, seed: 0, stratify: labels);

        Assert.Empty(split.Validation);
        Assert.Equal(143, split.Test.Length); // ⌈0.25 · 569⌉, as scikit-learn
        Assert.Equal(Enumerable.Range(0, 569), split.Train.Concat(split.Test).Order());
        // 212 malignant · 143/569 = 53.28 → 53 in test.
        Assert.Equal(53, split.Test.Count(i => labels[i] == 0));
        Assert.Equal(159, split.Train.Count(i => labels[i] == 0));
    }

    [Fact]
    public void TrainValidationTest_Stratified_EveryClassWithinOneOfExact()
    {
        var labels = Datasets.Digits().Labels;
        int[] classCounts = [.. Enumerable.Range(0, 10).Select(c => labels.Count(l => l == c))];

        var split = DataSplit.TrainValidationTest(labels.Length, 0.2, 0.2, seed: 3, stratify: labels);

        Assert.Equal((360, 360, 1077), (split.Validation.Length, split.Test.Length, split.Train.Length));
        Assert.Equal(Enumerable.Range(0, labels.Length), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
            for (int c = 0; c < 10; c++)
            {
                double exact = (double)classCounts[c] * part.Length / labels.Length;
                Assert.InRange(part.Count(i => labels[i] == c), exact - 1.5, exact + 1.5);
            }
    }

    [Fact]
    public void TrainTest_SameSeed_SameSplitAndOtherSeedDiffers()
    {
        var a = DataSplit.TrainTest(100, 0.3, seed: 7);
        var b = DataSplit.TrainTest(100, 0.3, seed: 7);
        var c = DataSplit.TrainTest(100, 0.3, seed: 8);

        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Test.Order(), c.Test.Order());
        Assert.Equal(30, a.Test.Length);
        Assert.Equal(7, DataSplit.TrainTest(10, 0.7, seed: 0).Test.Length); // 0.7 · 10 = 7.000000000000001 in doubles
    }

    [Fact]
    public void TrainValidationTest_NothingLeftForTraining_Throws()
    {
        Assert.Throws<ArgumentException>(() => DataSplit.TrainValidationTest(10, 0.5, 0.5, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTest(10, 1.0, seed: 0));
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTest(10, 0.2, seed: 0, stratify: [0, 1]));
    }

    [Fact]
    public void Subset_WithSplitIndices_TakesThoseRows()
    {
        var data = Datasets.Iris();
        var split = DataSplit.TrainTest(data.Count, 0.2, seed: 1, stratify: data.Labels);

        var test = data.Subset(split.Test);

        Assert.Equal(30, test.Count);
        Assert.Equal([10, 10, 10], test.ClassCounts());
        Assert.Equal(data.Features[split.Test[4], 2], test.Features[4, 2]);
    }
}

using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class DecisionTreeTests
{
    [Theory]
    [InlineData(ClassificationCriterion.Gini, "gini")]
    [InlineData(ClassificationCriterion.Entropy, "entropy")]
    public void ClassifierFit_Depth3MinLeaf4_MatchesScikitLearn(ClassificationCriterion criterion, string name)
    {
        var f = SklearnFixtures.Get("trees");
        var tree = new DecisionTreeClassifier(criterion, maxDepth: 3, minSamplesLeaf: 4).Fit(f.Matrix("X"), f.Ints("y"));
        Approx.Equal(f.Matrix($"{name}_proba"), tree.PredictProba(f.Matrix("Xtest")), 1e-12, "proba");
        Approx.Equal(f.Vector($"{name}_importances"), tree.FeatureImportances, 1e-10, "importances");
        if (criterion == ClassificationCriterion.Gini) Assert.Equal((int)f.Number("gini_node_count"), tree.NodeCount);
    }

    [Fact]
    public void ClassifierFit_Unlimited_GrowsPureLeavesLikeScikitLearn()
    {
        var f = SklearnFixtures.Get("trees");
        var x = f.Matrix("X");
        var y = f.Ints("y");
        var tree = new DecisionTreeClassifier().Fit(x, y);
        Assert.Equal((int)f.Number("full_node_count"), tree.NodeCount);
        Assert.Equal((int)f.Number("full_depth"), tree.Depth);
        Assert.Equal(1.0, tree.Score(x, y));
    }

    [Fact]
    public void RegressorFit_Depth3MinLeaf2_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("trees");
        var tree = new DecisionTreeRegressor(maxDepth: 3, minSamplesLeaf: 2).Fit(f.Matrix("X"), f.Vector("yreg"));
        Approx.Equal(f.Vector("regressor_predict"), tree.Predict(f.Matrix("Xtest")), 1e-12, "predict");
        Approx.Equal(f.Vector("regressor_importances"), tree.FeatureImportances, 1e-10, "importances");
        Assert.Equal((int)f.Number("regressor_node_count"), tree.NodeCount);
    }

    [Fact]
    public void ClassifierFit_Xor_NeedsAZeroGainFirstSplitAndFindsIt()
    {
        // XOR: no single split lowers the impurity, yet depth 2 classifies perfectly.
        double[,] x = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
        int[] y = [0, 1, 1, 0];
        var tree = new DecisionTreeClassifier(maxDepth: 2).Fit(x, y);
        Assert.Equal(y, tree.Predict(x));
        Assert.Equal(7, tree.NodeCount);
    }

    [Fact]
    public void Stump_HasOneSplitOnTheInformativeFeature()
    {
        var x = TestData.Normal(100, 3, seed: 21);
        var y = Enumerable.Range(0, 100).Select(i => x[i, 1] > 0.3 ? 1 : 0).ToArray();
        var stump = DecisionTreeClassifier.Stump().Fit(x, y);
        Assert.Equal(3, stump.NodeCount);
        Assert.Equal(1, stump.Depth);
        Approx.Equal([0, 1, 0], stump.FeatureImportances, 1e-12);
        Assert.Equal(1.0, stump.Score(x, y));
        Assert.StartsWith("|--- feature_1 <= 0.", stump.ExportText());
    }

    [Fact]
    public void ClassifierFit_IntegerSampleWeights_EqualDuplicatedRows()
    {
        var x = TestData.Normal(30, 2, seed: 22);
        var y = Enumerable.Range(0, 30).Select(i => x[i, 0] + 0.5 * x[i, 1] > 0 ? 1 : 0).ToArray();
        var weights = Enumerable.Range(0, 30).Select(i => (double)(1 + i % 3)).ToArray();
        var duplicatedRows = Enumerable.Range(0, 30).SelectMany(i => Enumerable.Repeat(i, 1 + i % 3)).ToArray();
        var xDup = new double[duplicatedRows.Length, 2];
        for (int r = 0; r < duplicatedRows.Length; r++) { xDup[r, 0] = x[duplicatedRows[r], 0]; xDup[r, 1] = x[duplicatedRows[r], 1]; }
        var yDup = duplicatedRows.Select(i => y[i]).ToArray();
        var weighted = new DecisionTreeClassifier(maxDepth: 3).Fit(x, y, weights);
        var duplicated = new DecisionTreeClassifier(maxDepth: 3).Fit(xDup, yDup);
        var grid = TestData.Normal(50, 2, seed: 23);
        Approx.Equal(duplicated.PredictProba(grid), weighted.PredictProba(grid), 1e-12);
    }

    [Fact]
    public void RegressorFit_MinSamplesLeaf_IsRespectedInEveryLeaf()
    {
        var x = TestData.Normal(60, 2, seed: 24);
        var y = Enumerable.Range(0, 60).Select(i => Math.Sin(3 * x[i, 0])).ToArray();
        var tree = new DecisionTreeRegressor(minSamplesLeaf: 7).Fit(x, y);
        var leafSizes = tree.Apply(x).GroupBy(l => l).Select(g => g.Count());
        Assert.All(leafSizes, size => Assert.True(size >= 7, $"leaf with {size} samples"));
    }

    [Fact]
    public void Fit_MaxFeaturesWithSeed_IsDeterministic()
    {
        var x = TestData.Normal(80, 6, seed: 25);
        var y = Enumerable.Range(0, 80).Select(i => x[i, 0] * x[i, 3] > 0 ? 1 : 0).ToArray();
        var a = new DecisionTreeClassifier(maxFeatures: 2, seed: 5).Fit(x, y).PredictProba(x);
        var b = new DecisionTreeClassifier(maxFeatures: 2, seed: 5).Fit(x, y).PredictProba(x);
        Approx.Equal(a, b, 0);
    }

    [Fact]
    public void Predict_WrongFeatureCount_Throws()
    {
        var tree = new DecisionTreeRegressor().Fit(TestData.Normal(10, 3, 1), new double[10]);
        var ex = Assert.Throws<ArgumentException>(() => tree.Predict(TestData.Normal(2, 4, 1)));
        Assert.Contains("fitted with 3", ex.Message);
    }
}

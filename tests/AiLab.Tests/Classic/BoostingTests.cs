using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class BoostingTests
{
    [Fact]
    public void GradientBoostingRegressor_MatchesScikitLearnTrainScoreAndPredictions()
    {
        var f = SklearnFixtures.Get("boosting");
        var model = new GradientBoostingRegressor(nEstimators: 20, maxDepth: 2, minSamplesLeaf: 4, learningRate: 0.1).Fit(f.Matrix("X"), f.Vector("yreg"));
        Approx.Equal(f.Vector("gbr_train_score"), model.TrainLoss, 1e-10, "train loss");
        Approx.Equal(f.Vector("gbr_predict"), model.Predict(f.Matrix("Xtest")), 1e-10, "predict");
        Approx.Equal(f.Vector("gbr_importances"), model.FeatureImportances, 1e-10, "importances");
    }

    [Fact]
    public void GradientBoostingClassifier_MatchesScikitLearnDevianceAndProbabilities()
    {
        var f = SklearnFixtures.Get("boosting");
        var model = new GradientBoostingClassifier(nEstimators: 20, maxDepth: 2, minSamplesLeaf: 4, learningRate: 0.1).Fit(f.Matrix("X"), f.Ints("yclass"));
        // scikit-learn 1.2 reports the binomial deviance, twice the mean log-loss.
        Approx.Equal(f.Vector("gbc_train_score"), model.TrainLoss.Select(l => 2 * l).ToArray(), 1e-10, "deviance");
        Approx.Equal(f.Matrix("gbc_proba"), model.PredictProba(f.Matrix("Xtest")), 1e-10, "proba");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]
    public void GradientBoostingRegressor_TrainLoss_DecreasesMonotonically(double subsample)
    {
        var x = TestData.Normal(200, 4, seed: 31);
        var rng = new Random(32);
        var y = Enumerable.Range(0, 200).Select(i => Math.Sin(2 * x[i, 0]) + x[i, 1] * x[i, 2] + 0.1 * TestData.Gaussian(rng)).ToArray();
        var model = new GradientBoostingRegressor(nEstimators: 80, subsample: subsample, seed: 1).Fit(x, y);
        AssertDecreasing(model.TrainLoss, strict: subsample == 1.0);
        var staged = model.StagedPredict(x).ToList();
        Assert.Equal(80, staged.Count);
        Approx.Equal(model.Predict(x), staged[^1], 1e-12);
    }

    [Fact]
    public void GradientBoostingClassifier_TrainLoss_DecreasesMonotonically()
    {
        var x = TestData.Normal(200, 3, seed: 33);
        var y = Enumerable.Range(0, 200).Select(i => x[i, 0] * x[i, 1] > 0 ? 1 : 0).ToArray();
        var model = new GradientBoostingClassifier(nEstimators: 60).Fit(x, y);
        AssertDecreasing(model.TrainLoss, strict: true);
        Assert.True(model.Score(x, y) > 0.95);
        var firstStage = model.StagedPredictProba(x).First();
        Assert.Equal(200, firstStage.GetLength(0));
    }

    [Fact]
    public void GradientBoostingClassifier_ThreeClasses_ThrowsBinaryOnly()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GradientBoostingClassifier().Fit(TestData.Normal(6, 2, 1), [0, 1, 2, 0, 1, 2]));
        Assert.Contains("binary", ex.Message);
    }

    [Fact]
    public void AdaBoostSamme_Binary_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("boosting");
        var model = new AdaBoostClassifier(nEstimators: 10).Fit(f.Matrix("X"), f.Ints("yclass"));
        Approx.Equal(f.Vector("ada_weights"), model.EstimatorWeights, 1e-10, "estimator weights");
        Approx.Equal(f.Vector("ada_errors"), model.EstimatorErrors, 1e-10, "estimator errors");
        Approx.Equal(f.Matrix("ada_proba"), model.PredictProba(f.Matrix("Xtest")), 1e-10, "proba");
        Assert.Equal(f.Ints("ada_predict"), model.Predict(f.Matrix("Xtest")));
    }

    [Fact]
    public void AdaBoostSamme_ThreeClasses_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("boosting");
        var model = new AdaBoostClassifier(nEstimators: 10).Fit(f.Matrix("X"), f.Ints("y3"));
        Approx.Equal(f.Vector("ada3_weights"), model.EstimatorWeights, 1e-10, "estimator weights");
        Approx.Equal(f.Matrix("ada3_proba"), model.PredictProba(f.Matrix("Xtest")), 1e-10, "proba");
    }

    [Fact]
    public void AdaBoost_OnStumps_BeatsASingleStumpOnADiagonalBoundary()
    {
        var x = TestData.Normal(300, 2, seed: 34);
        var y = Enumerable.Range(0, 300).Select(i => x[i, 0] + x[i, 1] > 0 ? 1 : 0).ToArray();
        double stump = DecisionTreeClassifier.Stump().Fit(x, y).Score(x, y);
        var ada = new AdaBoostClassifier(nEstimators: 50).Fit(x, y);
        var staged = ada.StagedScore(x, y).ToArray();
        Assert.Equal(stump, staged[0], 12);
        Assert.True(staged[^1] > stump + 0.05, $"AdaBoost {staged[^1]} vs stump {stump}");
    }

    private static void AssertDecreasing(double[] loss, bool strict)
    {
        for (int m = 1; m < loss.Length; m++)
            Assert.True(strict ? loss[m] < loss[m - 1] : loss[m] <= loss[m - 1] + 1e-12, $"loss rose at stage {m}: {loss[m - 1]} → {loss[m]}");
    }
}

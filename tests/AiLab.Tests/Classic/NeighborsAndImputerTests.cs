using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class NeighborsAndImputerTests
{
    [Theory]
    [InlineData(NeighborWeights.Uniform, "uniform")]
    [InlineData(NeighborWeights.Distance, "distance")]
    public void KNeighborsClassifier_MatchesScikitLearn(NeighborWeights weights, string name)
    {
        var f = SklearnFixtures.Get("knn");
        var knn = new KNeighborsClassifier(5, weights).Fit(f.Matrix("Xtrain"), f.Ints("ytrain"));
        var xTest = f.Matrix("Xtest");
        Approx.Equal(f.Matrix($"{name}_proba"), knn.PredictProba(xTest), 1e-12, "proba");
        Assert.Equal(f.Ints($"{name}_predict"), knn.Predict(xTest));
    }

    [Fact]
    public void KNeighbors_ReturnsSortedDistancesOfTheNearestRows()
    {
        var train = TestData.Normal(40, 2, seed: 41);
        var knn = new KNeighborsClassifier(nNeighbors: 3).Fit(train, new int[40]);
        var query = TestData.Normal(5, 2, seed: 42);
        var (distances, indices) = knn.KNeighbors(query);
        for (int i = 0; i < 5; i++)
        {
            var all = Enumerable.Range(0, 40).Select(r => Math.Sqrt(Math.Pow(train[r, 0] - query[i, 0], 2) + Math.Pow(train[r, 1] - query[i, 1], 2))).ToArray();
            var expected = all.Order().Take(3).ToArray();
            for (int k = 0; k < 3; k++)
            {
                Approx.Equal(expected[k], distances[i, k], 1e-12, $"distance {i},{k}");
                Approx.Equal(all[indices[i, k]], distances[i, k], 1e-12, $"index {i},{k}");
            }
        }
    }

    [Fact]
    public void KNeighborsClassifier_DistanceWeightsAndExactMatch_TakesTheMatchesLabel()
    {
        double[,] train = { { 0, 0 }, { 1, 0 }, { 0, 1 } };
        var knn = new KNeighborsClassifier(3, NeighborWeights.Distance).Fit(train, [5, 9, 9]);
        Assert.Equal([5], knn.Predict(new double[,] { { 0, 0 } }));
    }

    [Fact]
    public void KNNImputer_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("imputers");
        var xTrain = f.Matrix("Xtrain");
        var uniform = new KNNImputer(nNeighbors: 3).Fit(xTrain);
        Approx.Equal(f.Matrix("knn_uniform_train"), uniform.Transform(xTrain), 1e-12, "uniform train");
        Approx.Equal(f.Matrix("knn_uniform_test"), uniform.Transform(f.Matrix("Xtest")), 1e-12, "uniform test");
        var distance = new KNNImputer(3, NeighborWeights.Distance).Fit(xTrain);
        Approx.Equal(f.Matrix("knn_distance_test"), distance.Transform(f.Matrix("Xtest")), 1e-12, "distance test");
    }

    [Fact]
    public void NanEuclidean_ScalesByObservedFraction()
    {
        // Shared coordinates 0 and 2 of 3: sqrt(3/2 · ((1 − 4)² + (2 − 0)²)).
        double d = KNNImputer.NanEuclidean([1, double.NaN, 2], [4, 7, 0]);
        Approx.Equal(Math.Sqrt(1.5 * 13), d, 1e-12);
        Assert.True(double.IsNaN(KNNImputer.NanEuclidean([double.NaN, 1], [2, double.NaN])));
    }

    [Fact]
    public void IterativeImputer_MatchesScikitLearnWithRidgeEstimator()
    {
        var f = SklearnFixtures.Get("imputers");
        var imputer = new IterativeImputer(maxIter: 10, tol: 1e-3, alpha: 1.0);
        Approx.Equal(f.Matrix("iterative_train"), imputer.FitTransform(f.Matrix("Xtrain")), 1e-9, "train");
        Assert.Equal((int)f.Number("iterative_n_iter"), imputer.NIter);
        Approx.Equal(f.Matrix("iterative_test"), imputer.Transform(f.Matrix("Xtest")), 1e-9, "test");
    }

    [Fact]
    public void IterativeImputer_LinearlyDependentColumn_IsRecoveredAlmostExactly()
    {
        // x2 = 2·x0 − x1: an iterative linear imputer reconstructs its missing entries; the mean cannot.
        var x = TestData.Normal(200, 3, seed: 43);
        for (int i = 0; i < 200; i++) x[i, 2] = 2 * x[i, 0] - x[i, 1];
        var truth = (double[,])x.Clone();
        var missing = Enumerable.Range(0, 200).Where(i => i % 5 == 0).ToArray();
        foreach (int i in missing) x[i, 2] = double.NaN;
        var imputed = new IterativeImputer(alpha: 1e-6).FitTransform(x);
        var meanImputed = new SimpleImputer().FitTransform(x);
        double Rmse(double[,] m) => Math.Sqrt(missing.Average(i => Math.Pow(m[i, 2] - truth[i, 2], 2)));
        Assert.True(Rmse(imputed) < 1e-4, $"iterative RMSE {Rmse(imputed)}");
        Assert.True(Rmse(meanImputed) > 0.5, $"mean RMSE {Rmse(meanImputed)}");
    }

    [Fact]
    public void SimpleImputer_Strategies_FillWithTrainStatistics()
    {
        double[,] train = { { 1, double.NaN }, { 2, 5 }, { double.NaN, 5 }, { 6, 8 } };
        Approx.Equal([3, 6], new SimpleImputer().Fit(train).Statistics, 1e-12, "mean");
        Approx.Equal([2, 5], new SimpleImputer(ImputationStrategy.Median).Fit(train).Statistics, 1e-12, "median");
        Approx.Equal([1, 5], new SimpleImputer(ImputationStrategy.MostFrequent).Fit(train).Statistics, 1e-12, "mode");
        var filled = new SimpleImputer(ImputationStrategy.Constant, fillValue: -1).FitTransform(train);
        Assert.Equal(-1, filled[0, 1]);
        Assert.Equal(-1, filled[2, 0]);
        Assert.Equal(8, filled[3, 1]);
    }

    [Fact]
    public void Imputers_AllMissingColumn_ThrowNamingTheColumn()
    {
        double[,] x = { { 1, double.NaN }, { 2, double.NaN } };
        var ex = Assert.Throws<ArgumentException>(() => new KNNImputer().Fit(x));
        Assert.Contains("Column 1", ex.Message);
        Assert.Throws<ArgumentException>(() => new IterativeImputer().Fit(x));
    }
}

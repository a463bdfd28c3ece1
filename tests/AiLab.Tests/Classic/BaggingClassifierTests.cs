using AiLab.Classic;
using AiLab.Data;

namespace AiLab.Tests.Classic;

/// <summary>
/// BaggingClassifier. Its random draws cannot match NumPy's, so the oracle is statistical: on breast_cancer and the
/// split of make_ensemble_fixtures.py, the mean test accuracy over ten seeds is compared with scikit-learn's mean
/// over its ten seeds. Measured with scikit-learn 1.2.1 (25 unpruned trees): default settings 0.9535 ± 0.0107 (std
/// over seeds, range 0.929–0.971), max_samples = max_features = 0.5: 0.9547 ± 0.0102; a single tree 0.9171 ± 0.0081.
/// Two means of ten such draws differ by about √2 · 0.0107 / √10 ≈ 0.005 (one standard error); the tolerance is 0.015.
/// The deterministic parts (averaging, draws, out-of-bag bookkeeping) are checked exactly.
/// </summary>
public sealed class BaggingClassifierTests
{
    private const double MeanTolerance = 0.015;

    [Theory]
    [InlineData("default", 1.0, 1.0)]
    [InlineData("half_rows_half_features", 0.5, 0.5)]
    public void BreastCancer_MeanAccuracyOverSeeds_MatchesSklearn(string config, double maxSamples, double maxFeatures)
    {
        var f = SklearnFixtures.Ensemble("bagging_breast_cancer");
        var expected = f.GetProperty(config);
        var (xTrain, yTrain, xTest, yTest) = Split(f);
        var accuracy = new List<double>();
        var oob = new List<double>();
        foreach (int seed in f.Ints("seeds"))
        {
            var bagging = new BaggingClassifier(nEstimators: 25, maxSamples: maxSamples, maxFeatures: maxFeatures, oobScore: true, seed: seed).Fit(xTrain, yTrain);
            accuracy.Add(bagging.Score(xTest, yTest));
            oob.Add(bagging.OobScore);
        }
        Approx.Equal(expected.Vector("accuracy").Average(), accuracy.Average(), MeanTolerance, $"{config} mean test accuracy");
        Approx.Equal(expected.Vector("oob_score").Average(), oob.Average(), MeanTolerance, $"{config} mean out-of-bag accuracy");
        // Bagging's reason to exist: it beats scikit-learn's single unpruned tree on the same split.
        Assert.True(accuracy.Average() > f.Vector("single_tree_accuracy").Average() + 0.02, $"bagging {accuracy.Average()} vs tree");
    }

    [Fact]
    public void PredictProba_IsTheMeanOfTheMembersOnTheirFeatures()
    {
        var (x, y) = SmallProblem();
        var bagging = new BaggingClassifier(nEstimators: 7, maxSamples: 0.6, maxFeatures: 0.5, seed: 3).Fit(x, y);
        var proba = bagging.PredictProba(x);
        var members = Enumerable.Range(0, 7).Select(m => bagging.Estimators[m].PredictProba(Columns(x, bagging.EstimatorsFeatures[m]))).ToArray();
        for (int i = 0; i < x.GetLength(0); i++)
            for (int k = 0; k < 3; k++)
                Approx.Equal(members.Sum(p => p[i, k]) / 7, proba[i, k], 1e-15, $"p[{i},{k}]");
    }

    [Fact]
    public void Draws_HaveScikitLearnsSizes_AndAreSeeded()
    {
        var (x, y) = SmallProblem();
        var bagging = new BaggingClassifier(nEstimators: 5, maxSamples: 0.6, maxFeatures: 0.5, seed: 1).Fit(x, y);
        Assert.All(bagging.EstimatorsSamples, s => Assert.Equal(54, s.Length));      // ⌊0.6 · 90⌋, with repeats
        Assert.Contains(bagging.EstimatorsSamples, s => s.Distinct().Count() < s.Length);
        Assert.All(bagging.EstimatorsFeatures, c => Assert.Equal(2, c.Distinct().Count())); // max(1, ⌊0.5 · 5⌋), distinct
        var again = new BaggingClassifier(nEstimators: 5, maxSamples: 0.6, maxFeatures: 0.5, seed: 1).Fit(x, y);
        Assert.Equal(bagging.EstimatorsSamples, again.EstimatorsSamples);
        Approx.Equal(bagging.PredictProba(x), again.PredictProba(x), 0, "same seed");
        var other = new BaggingClassifier(nEstimators: 5, maxSamples: 0.6, maxFeatures: 0.5, seed: 2).Fit(x, y);
        Assert.NotEqual(bagging.EstimatorsSamples[0], other.EstimatorsSamples[0]);
        var noBootstrap = new BaggingClassifier(nEstimators: 3, maxSamples: 0.5, bootstrap: false).Fit(x, y);
        Assert.All(noBootstrap.EstimatorsSamples, s => Assert.Equal(45, s.Distinct().Count()));
    }

    [Fact]
    public void OobDecisionFunction_AveragesOnlyTheMembersThatDidNotDrawTheRow()
    {
        var (x, y) = SmallProblem();
        var bagging = new BaggingClassifier(nEstimators: 15, oobScore: true, seed: 4).Fit(x, y);
        var oob = bagging.OobDecisionFunction;
        int checkedRows = 0;
        for (int i = 0; i < x.GetLength(0); i++)
        {
            var absent = Enumerable.Range(0, 15).Where(m => !bagging.EstimatorsSamples[m].Contains(i)).ToArray();
            if (absent.Length == 0) continue;
            // Each member sees its features in its own (drawn) order.
            double[] Member(int m) => EnsembleMembers.Row(bagging.Estimators[m].PredictProba(Columns(x.SelectRows([i]), bagging.EstimatorsFeatures[m])), 0);
            for (int k = 0; k < 3; k++)
                Approx.Equal(absent.Sum(m => Member(m)[k]) / absent.Length, oob[i, k], 1e-12, $"oob[{i},{k}]");
            checkedRows++;
        }
        Assert.True(checkedRows > 80, $"{checkedRows} rows out of bag somewhere");
        int[] oobPredict = [.. Enumerable.Range(0, y.Length).Select(i => Enumerable.Range(0, 3).MaxBy(k => oob[i, k]))];
        Assert.Equal(oobPredict.Zip(y).Count(p => p.First == p.Second) / (double)y.Length, bagging.OobScore, 12);
    }

    [Fact]
    public void AnyLibraryClassifier_CanBeTheMember()
    {
        var (x, y) = SmallProblem();
        var knn = new BaggingClassifier(_ => new KNeighborsClassifier(3), nEstimators: 5).Fit(x, y);
        Assert.All(knn.Estimators, e => Assert.IsType<KNeighborsClassifier>(e));
        Assert.True(knn.Score(x, y) > 0.8, $"accuracy {knn.Score(x, y)}");
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("maxSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingClassifier(maxSamples: 0)).ParamName);
        Assert.Equal("maxFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingClassifier(maxFeatures: 1.5)).ParamName);
        Assert.Equal("nEstimators", Assert.Throws<ArgumentOutOfRangeException>(() => new BaggingClassifier(nEstimators: 0)).ParamName);
        Assert.Equal("oobScore", Assert.Throws<ArgumentException>(() => new BaggingClassifier(bootstrap: false, oobScore: true)).ParamName);
        var (x, y) = SmallProblem();
        var fitted = new BaggingClassifier(nEstimators: 2).Fit(x, y);
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => fitted.Predict(new double[2, 4])).ParamName);
        Assert.Throws<InvalidOperationException>(() => fitted.OobDecisionFunction);
    }

    private static (double[,] X, int[] Y) SmallProblem() =>
        TestData.Blobs([[0, 0, 0, 0, 0], [2, 2, 0, 0, 1], [0, 2, 2, 1, 0]], perBlob: 30, std: 1.0, seed: 5);

    private static double[,] Columns(double[,] x, int[] columns)
    {
        var r = new double[x.GetLength(0), columns.Length];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int c = 0; c < columns.Length; c++) r[i, c] = x[i, columns[c]];
        return r;
    }

    private static (double[,], int[], double[,], int[]) Split(System.Text.Json.JsonElement f)
    {
        var data = Datasets.BreastCancer();
        int[] train = f.Ints("train"), test = f.Ints("test");
        return (data.Features.TakeRows(train), data.Labels.TakeRows(train), data.Features.TakeRows(test), data.Labels.TakeRows(test));
    }
}

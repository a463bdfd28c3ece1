using AiLab.Classic;
using AiLab.Data;
using static AiLab.Tests.Classic.EnsembleMembers;

namespace AiLab.Tests.Classic;

/// <summary>CrossValidation.CrossValPredict(Proba) against scikit-learn's cross_val_predict on the same folds, and its out-of-fold property.</summary>
public sealed class CrossValPredictTests
{
    [Fact]
    public void GivenFolds_MatchesSklearn()
    {
        var f = SklearnFixtures.Ensemble("cross_val_predict");
        double[,] x = f.Matrix("X");
        int[] y = f.Ints("y");
        var folds = Folds(f);
        Approx.Equal(f.Matrix("knn_proba"), CrossValidation.CrossValPredictProba(Knn, x, y, folds), 1e-12, "knn proba");
        Assert.Equal(f.Ints("knn_predict"), CrossValidation.CrossValPredict(Knn, x, y, folds));
        // 1e-5: logistic regression matches scikit-learn's to L-BFGS tolerance.
        Approx.Equal(f.Matrix("lr_proba"), CrossValidation.CrossValPredictProba(Logistic, x, y, folds), 1e-5, "logistic proba");
        Assert.Equal(f.Ints("lr_predict"), CrossValidation.CrossValPredict(Logistic, x, y, folds));
    }

    [Fact]
    public void EachPrediction_ComesFromTheFoldModelThatDidNotSeeTheSample()
    {
        var f = SklearnFixtures.Ensemble("cross_val_predict");
        double[,] x = f.Matrix("X");
        int[] y = f.Ints("y");
        var proba = CrossValidation.CrossValPredictProba(Tree, x, y, cv: 5);
        var folds = CrossValidation.StratifiedKFold(y, 5, seed: 0, shuffle: false);
        foreach (var fold in folds)
        {
            var refit = Tree().Fit(x.TakeRows(fold.Train), y.TakeRows(fold.Train)).PredictProba(x.TakeRows(fold.Validation));
            for (int k = 0; k < fold.Validation.Length; k++)
                Approx.Equal(Row(refit, k), Row(proba, fold.Validation[k]), 0, $"sample {fold.Validation[k]}");
        }
        // In-sample probabilities differ: the out-of-fold ones are not those of the model fitted on everything.
        var inSample = Tree().Fit(x, y).PredictProba(x);
        Assert.Contains(Enumerable.Range(0, y.Length), i => Math.Abs(inSample[i, 0] - proba[i, 0]) > 1e-9);
    }

    [Fact]
    public void ClassMissingFromATrainingPart_GetsProbabilityZero()
    {
        double[,] x = { { 0 }, { 1 }, { 2 }, { 3 }, { 10 } };
        int[] y = [0, 0, 1, 1, 2];
        // Sample 4 (the only class-2 sample) is validated by a model that never saw class 2.
        var folds = new[] { new Fold(0, [0, 1, 2, 3], [4]), new Fold(1, [2, 3, 4], [0, 1]), new Fold(2, [0, 1, 4], [2, 3]) };
        var proba = CrossValidation.CrossValPredictProba(Tree, x, y, folds);
        Assert.Equal(0.0, proba[4, 2]);
        Assert.Equal(1.0, proba[4, 0] + proba[4, 1], 12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var f = SklearnFixtures.Ensemble("cross_val_predict");
        double[,] x = f.Matrix("X");
        int[] y = f.Ints("y");
        var overlapping = new[] { new Fold(0, [1], [0, 1]), new Fold(1, [0], [1]) };
        Assert.Equal("folds", Assert.Throws<ArgumentException>(() => CrossValidation.CrossValPredict(Tree, x, y, overlapping)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => CrossValidation.CrossValPredict(Tree, x, [0, 1], cv: 2)).ParamName);
        Assert.Equal("cv", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.CrossValPredictProba(Tree, x, y, cv: 1)).ParamName);
        Assert.Equal("cv", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.CrossValPredict(Tree, x, y, cv: y.Length + 1)).ParamName);
        Assert.Equal("estimator", Assert.Throws<ArgumentException>(() => CrossValidation.CrossValPredict(() => null!, x, y, cv: 2)).ParamName);
    }
}

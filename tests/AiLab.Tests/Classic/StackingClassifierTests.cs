using AiLab.Classic;
using AiLab.Data;
using static AiLab.Tests.Classic.EnsembleMembers;

namespace AiLab.Tests.Classic;

/// <summary>StackingClassifier against scikit-learn's on the same folds, and the out-of-fold origin of its meta-features.</summary>
public sealed class StackingClassifierTests
{
    private static readonly (string, Func<IClassifier>)[] TreeAndKnn = [("tree", Tree), ("knn", Knn)];
    // The fixtures' members: scikit-learn's tree breaks split ties at random (see make_ensemble_fixtures.py).
    private static readonly (string, Func<IClassifier>)[] KnnAndLogistic = [("knn", Knn), ("lr", Logistic)];

    [Theory]
    [InlineData("stacking_binary")]
    [InlineData("stacking_multiclass")]
    public void GivenFolds_MatchesSklearn(string name)
    {
        var f = SklearnFixtures.Ensemble(name);
        var stacking = new StackingClassifier(KnnAndLogistic, Logistic).Fit(f.Matrix("X"), f.Ints("y"), Folds(f));
        var xTest = f.Matrix("Xtest");
        // Binary: one column per member (P(class 1)); three classes: three per member. 1e-5: the logistic member.
        Approx.Equal(f.Matrix("transform"), stacking.Transform(xTest), 1e-5, "transform");
        var final = Assert.IsType<LogisticRegression>(stacking.FinalEstimator);
        Approx.Equal(f.Matrix("final_coef"), final.Coef, 1e-4, "final coef");
        Approx.Equal(f.Vector("final_intercept"), final.Intercept, 1e-4, "final intercept");
        Approx.Equal(f.Matrix("proba"), stacking.PredictProba(xTest), 1e-5, "proba");
        Assert.Equal(f.Ints("predict"), stacking.Predict(xTest));
    }

    [Fact]
    public void FinalEstimator_IsFittedOnCrossValPredictOutput_NotOnInSampleProbabilities()
    {
        var f = SklearnFixtures.Ensemble("stacking_binary");
        double[,] x = f.Matrix("X");
        int[] y = f.Ints("y");
        var stacking = new StackingClassifier(TreeAndKnn, Logistic, cv: 4).Fit(x, y);
        var final = (LogisticRegression)stacking.FinalEstimator;

        double[,] outOfFold = ArrayExtensions.ConcatColumns(
            PositiveColumn(CrossValidation.CrossValPredictProba(Tree, x, y, cv: 4)),
            PositiveColumn(CrossValidation.CrossValPredictProba(Knn, x, y, cv: 4)));
        var expected = new LogisticRegression(tol: 1e-10).Fit(outOfFold, y);
        Approx.Equal(expected.Coef, final.Coef, 0, "coef from out-of-fold meta-features");
        Approx.Equal(expected.Intercept, final.Intercept, 0, "intercept");

        // The same combiner fitted on the members' in-sample probabilities comes out different.
        var inSample = new LogisticRegression(tol: 1e-10).Fit(stacking.Transform(x), y);
        Assert.True(Math.Abs(inSample.Coef[0, 1] - final.Coef[0, 1]) > 1e-3, $"in-sample {inSample.Coef[0, 1]} vs out-of-fold {final.Coef[0, 1]}");
    }

    [Fact]
    public void Passthrough_AppendsTheFeatures()
    {
        var f = SklearnFixtures.Ensemble("stacking_binary");
        double[,] x = f.Matrix("X");
        var stacking = new StackingClassifier(TreeAndKnn, passthrough: true).Fit(x, f.Ints("y"));
        var meta = stacking.Transform(x);
        Assert.Equal(2 + x.GetLength(1), meta.GetLength(1));
        Approx.Equal(Row(x, 7), Row(meta, 7)[2..], 0, "passthrough row");
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("cv", Assert.Throws<ArgumentOutOfRangeException>(() => new StackingClassifier(TreeAndKnn, cv: 1)).ParamName);
        Assert.Equal("estimators", Assert.Throws<ArgumentException>(() => new StackingClassifier([("", Tree)])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new StackingClassifier(TreeAndKnn).Transform(new double[1, 3]));
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => new StackingClassifier(TreeAndKnn, cv: 5).Fit(new double[3, 2], [0, 1, 0])).ParamName);
    }

    private static double[,] PositiveColumn(double[,] p)
    {
        var c = new double[p.GetLength(0), 1];
        for (int i = 0; i < p.GetLength(0); i++) c[i, 0] = p[i, 1];
        return c;
    }
}

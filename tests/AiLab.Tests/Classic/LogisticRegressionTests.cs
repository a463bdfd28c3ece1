using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Fit_Binary_MatchesScikitLearnLbfgs()
    {
        var f = SklearnFixtures.Get("logistic_binary");
        var x = f.Matrix("X");
        var model = new LogisticRegression(c: 1.0, tol: 1e-10).Fit(x, f.Ints("y"));
        Assert.True(model.Converged);
        Approx.Equal(f.Matrix("coef"), model.Coef, 1e-4, "coef");
        Approx.Equal(f.Vector("intercept"), model.Intercept, 1e-4, "intercept");
        Approx.Equal(f.Matrix("proba"), model.PredictProba(First(x, 10)), 1e-5, "proba");
    }

    [Fact]
    public void Fit_BalancedClassWeightAndStrongPenalty_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("logistic_binary");
        var model = new LogisticRegression(c: 0.1, tol: 1e-10, classWeight: ClassWeight.Balanced).Fit(f.Matrix("X"), f.Ints("y"));
        Approx.Equal(f.Matrix("balanced_c01_coef"), model.Coef, 1e-4, "coef");
        Approx.Equal(f.Vector("balanced_c01_intercept"), model.Intercept, 1e-4, "intercept");
    }

    [Fact]
    public void Fit_ThreeClasses_MatchesScikitLearnMultinomial()
    {
        var f = SklearnFixtures.Get("logistic_multinomial");
        var x = f.Matrix("X");
        var model = new LogisticRegression(tol: 1e-10).Fit(x, f.Ints("y"));
        Approx.Equal(f.Matrix("coef"), model.Coef, 1e-4, "coef");
        Approx.Equal(f.Vector("intercept"), model.Intercept, 1e-4, "intercept");
        Approx.Equal(f.Matrix("proba"), model.PredictProba(First(x, 10)), 1e-5, "proba");
    }

    [Fact]
    public void Fit_Binary_GradientOfObjectiveVanishesAtSolution()
    {
        // Independent optimality check (KKT): Σ (σ(zᵢ) − yᵢ) xᵢ + w / C = 0 and Σ (σ(zᵢ) − yᵢ) = 0.
        var x = TestData.Normal(100, 3, seed: 11);
        var rng = new Random(12);
        var y = Enumerable.Range(0, 100).Select(i => rng.NextDouble() < 1 / (1 + Math.Exp(-(x[i, 0] - x[i, 2]))) ? 1 : 0).ToArray();
        const double c = 0.5;
        var model = new LogisticRegression(c: c, tol: 1e-9).Fit(x, y);
        var p = model.PredictProba(x);
        var grad = new double[4];
        for (int i = 0; i < 100; i++)
        {
            double r = p[i, 1] - y[i];
            for (int j = 0; j < 3; j++) grad[j] += r * x[i, j];
            grad[3] += r;
        }
        for (int j = 0; j < 3; j++) grad[j] += model.Coef[0, j] / c;
        Approx.Equal(new double[4], grad, 1e-7, "gradient");
    }

    [Fact]
    public void PredictProba_RowsSumToOneAndPredictIsArgmax()
    {
        var f = SklearnFixtures.Get("logistic_multinomial");
        var x = f.Matrix("X");
        var model = new LogisticRegression().Fit(x, f.Ints("y"));
        var p = model.PredictProba(x);
        var predicted = model.Predict(x);
        for (int i = 0; i < x.GetLength(0); i++)
        {
            Approx.Equal(1.0, p[i, 0] + p[i, 1] + p[i, 2], 1e-12, $"row {i} sum");
            int best = Enumerable.Range(0, 3).MaxBy(k => p[i, k]);
            Assert.Equal(model.Classes[best], predicted[i]);
        }
        Assert.True(model.Score(x, f.Ints("y")) > 0.6);
    }

    [Fact]
    public void Fit_ArbitraryLabelValues_ReportsThemInClasses()
    {
        var x = TestData.Normal(40, 2, seed: 13);
        var y = Enumerable.Range(0, 40).Select(i => x[i, 0] > 0 ? 7 : -3).ToArray();
        // Separable labels and a weak penalty: the fit separates them perfectly.
        var model = new LogisticRegression(c: 1e4).Fit(x, y);
        Assert.Equal([-3, 7], model.Classes);
        Assert.Equal(1.0, model.Score(x, y));
    }

    [Fact]
    public void Fit_SingleClass_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(TestData.Normal(5, 2, 1), [1, 1, 1, 1, 1]));
        Assert.Equal("y", ex.ParamName);
    }

    internal static double[,] First(double[,] x, int n)
    {
        var r = new double[n, x.GetLength(1)];
        for (int i = 0; i < n; i++) for (int j = 0; j < x.GetLength(1); j++) r[i, j] = x[i, j];
        return r;
    }
}

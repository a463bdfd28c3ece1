using AiLab.Classic;

namespace AiLab.Tests.Classic;

public sealed class LinearModelTests
{
    [Fact]
    public void LinearRegressionFit_NoisyData_MatchesNormalEquations()
    {
        var x = TestData.Normal(50, 4, seed: 1);
        var rng = new Random(2);
        var y = Enumerable.Range(0, 50).Select(i => 2 + x[i, 0] - 3 * x[i, 1] + 0.5 * x[i, 3] + 0.2 * TestData.Gaussian(rng)).ToArray();
        var model = new LinearRegression().Fit(x, y);

        // Oracle: solve (AᵀA) β = Aᵀy with A = [1 | X] by Gaussian elimination.
        var a = new double[50, 5];
        for (int i = 0; i < 50; i++) { a[i, 0] = 1; for (int j = 0; j < 4; j++) a[i, j + 1] = x[i, j]; }
        var beta = SolveNormalEquations(a, y);
        Approx.Equal(beta[0], model.Intercept, 1e-10, "intercept");
        Approx.Equal(beta[1..], model.Coef, 1e-10, "coef");
    }

    [Fact]
    public void LinearRegressionFit_NoiselessData_RecoversParametersAndR2IsOne()
    {
        var x = TestData.Normal(20, 3, seed: 3);
        var y = Enumerable.Range(0, 20).Select(i => -1 + 4 * x[i, 0] + 0.25 * x[i, 2]).ToArray();
        var model = new LinearRegression().Fit(x, y);
        Approx.Equal([4, 0, 0.25], model.Coef, 1e-12);
        Approx.Equal(-1, model.Intercept, 1e-12);
        Approx.Equal(1.0, model.Score(x, y), 1e-12, "R²");
    }

    [Fact]
    public void LinearRegressionFit_DuplicatedColumn_GivesMinimumNormSolution()
    {
        // Columns 0 and 1 are identical: y = 2·x0 is fitted by any β0 + β1 = 2; minimum norm splits it 1 / 1.
        var x = TestData.Normal(30, 1, seed: 4);
        var twice = new double[30, 2];
        for (int i = 0; i < 30; i++) twice[i, 0] = twice[i, 1] = x[i, 0];
        var y = Enumerable.Range(0, 30).Select(i => 2 * x[i, 0]).ToArray();
        var model = new LinearRegression(fitIntercept: false).Fit(twice, y);
        Approx.Equal([1.0, 1.0], model.Coef, 1e-10);
    }

    [Fact]
    public void RidgeFit_WeightedSamples_MatchesScikitLearn()
    {
        var f = SklearnFixtures.Get("ridge");
        var model = new Ridge(alpha: f.Number("alpha")).Fit(f.Matrix("X"), f.Vector("y"), f.Vector("w"));
        Approx.Equal(f.Vector("coef"), model.Coef, 1e-10, "coef");
        Approx.Equal(f.Number("intercept"), model.Intercept, 1e-10, "intercept");
    }

    [Fact]
    public void RidgeFit_LargeAlpha_ShrinksCoefficientsTowardZero()
    {
        var x = TestData.Normal(40, 3, seed: 5);
        var y = Enumerable.Range(0, 40).Select(i => x[i, 0] + x[i, 1]).ToArray();
        double small = new Ridge(0.1).Fit(x, y).Coef.Sum(Math.Abs);
        double large = new Ridge(1e6).Fit(x, y).Coef.Sum(Math.Abs);
        Assert.True(large < 1e-3 * small, $"‖β‖₁ with α = 1e6 is {large}, with α = 0.1 {small}");
    }

    [Fact]
    public void LinearRegressionFit_WideMatrix_InterpolatesTheData()
    {
        // More features than rows: the minimum-norm least-squares solution fits exactly.
        var x = TestData.Normal(5, 12, seed: 6);
        var y = new[] { 1.0, -2, 0.5, 3, 0 };
        var model = new LinearRegression().Fit(x, y);
        Approx.Equal(y, model.Predict(x), 1e-9, "fitted");
    }

    [Fact]
    public void Fit_BadInput_ThrowsNamingTheArgument()
    {
        var x = TestData.Normal(5, 2, seed: 7);
        var ex = Assert.Throws<ArgumentException>(() => new LinearRegression().Fit(x, new double[4]));
        Assert.Equal("y", ex.ParamName);
        x[2, 1] = double.NaN;
        ex = Assert.Throws<ArgumentException>(() => new LinearRegression().Fit(x, new double[5]));
        Assert.Contains("X[2,1]", ex.Message);
        Assert.Throws<InvalidOperationException>(() => new Ridge().Predict(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ridge(alpha: -1));
    }

    private static double[] SolveNormalEquations(double[,] a, double[] y)
    {
        int n = a.GetLength(0), p = a.GetLength(1);
        var m = new double[p, p + 1];
        for (int r = 0; r < p; r++)
        {
            for (int c = 0; c < p; c++) for (int i = 0; i < n; i++) m[r, c] += a[i, r] * a[i, c];
            for (int i = 0; i < n; i++) m[r, p] += a[i, r] * y[i];
        }
        for (int col = 0; col < p; col++)
        {
            int pivot = Enumerable.Range(col, p - col).MaxBy(r => Math.Abs(m[r, col]));
            for (int c = 0; c <= p; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            for (int r = 0; r < p; r++)
            {
                if (r == col) continue;
                double factor = m[r, col] / m[col, col];
                for (int c = col; c <= p; c++) m[r, c] -= factor * m[col, c];
            }
        }
        return Enumerable.Range(0, p).Select(r => m[r, p] / m[r, r]).ToArray();
    }
}

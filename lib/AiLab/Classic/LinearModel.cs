namespace AiLab.Classic;

/// <summary>
/// Base of the least-squares regressors: ŷ = X·<see cref="Coef"/> + <see cref="Intercept"/>.
/// Subclasses choose the penalty; fitting is one weighted thin-SVD solve.
/// </summary>
public abstract class LinearModel
{
    private readonly bool _fitIntercept;
    private double[]? _coef;

    /// <summary>Creates the model; <paramref name="fitIntercept"/> = false forces the line through the origin.</summary>
    private protected LinearModel(bool fitIntercept) => _fitIntercept = fitIntercept;

    /// <summary>Ridge penalty α used by <see cref="Fit"/> (0 = ordinary least squares).</summary>
    private protected abstract double Penalty { get; }

    /// <summary>Fitted coefficients, one per feature.</summary>
    public double[] Coef => Guard.Fitted(_coef, GetType().Name);

    /// <summary>Fitted intercept (0 when <c>fitIntercept</c> is false).</summary>
    public double Intercept { get; private set; }

    /// <summary>Fits on X (n × d) and targets y (n), optionally weighting samples. Returns this.</summary>
    public LinearModel Fit(double[,] X, double[] y, double[]? sampleWeight = null)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Vector(y, X.GetLength(0), nameof(y), "X's rows");
        var w = Guard.SampleWeights(sampleWeight, X.GetLength(0));
        (_coef, Intercept) = LeastSquares.Fit(X, y, w, Penalty, _fitIntercept);
        return this;
    }

    /// <summary>Predictions X·coef + intercept.</summary>
    public double[] Predict(double[,] X)
    {
        var coef = Coef;
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, coef.Length, nameof(X), GetType().Name);
        var p = new double[X.GetLength(0)];
        for (int i = 0; i < p.Length; i++) p[i] = Intercept + Rows.Dot(X.Row(i), coef);
        return p;
    }

    /// <summary>Coefficient of determination R² of the predictions on (X, y).</summary>
    public double Score(double[,] X, double[] y) => Scoring.R2(y, Predict(X));
}

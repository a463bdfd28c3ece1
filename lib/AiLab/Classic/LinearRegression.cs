namespace AiLab.Classic;

/// <summary>
/// Ordinary least squares: minimizes Σ wᵢ (yᵢ − b − xᵢ·β)². A rank-deficient X gets the minimum-norm
/// solution (scikit-learn's <c>LinearRegression</c>, which calls LAPACK <c>gelsd</c>).
/// </summary>
/// <param name="fitIntercept">Whether to fit b; false forces the fit through the origin.</param>
public sealed class LinearRegression(bool fitIntercept = true) : LinearModel(fitIntercept)
{
    private protected override double Penalty => 0.0;

    /// <inheritdoc cref="LinearModel.Fit"/>
    public new LinearRegression Fit(double[,] X, double[] y, double[]? sampleWeight = null) =>
        (LinearRegression)base.Fit(X, y, sampleWeight);
}

namespace AiLab.Classic;

/// <summary>
/// L2-regularized least squares: minimizes Σ wᵢ (yᵢ − b − xᵢ·β)² + α‖β‖², intercept unpenalized
/// (scikit-learn's <c>Ridge</c>).
/// </summary>
public sealed class Ridge : LinearModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="alpha">Penalty strength α ≥ 0.</param>
    /// <param name="fitIntercept">Whether to fit an (unpenalized) intercept.</param>
    public Ridge(double alpha = 1.0, bool fitIntercept = true) : base(fitIntercept)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        Alpha = alpha;
    }

    /// <summary>Penalty strength α.</summary>
    public double Alpha { get; }

    private protected override double Penalty => Alpha;

    /// <inheritdoc cref="LinearModel.Fit"/>
    public new Ridge Fit(double[,] X, double[] y, double[]? sampleWeight = null) =>
        (Ridge)base.Fit(X, y, sampleWeight);
}

namespace AiLab.Explain;

/// <summary>
/// A LIME local surrogate: near x, f(z) ≈ Intercept + Σⱼ Coefficients[j] · (zⱼ − meanⱼ) / Scale[j].
/// </summary>
/// <param name="Intercept">Surrogate intercept (in standardized coordinates).</param>
/// <param name="Coefficients">Surrogate slope per standardized unit of each feature (per training standard deviation).</param>
/// <param name="Scale">Training standard deviation per feature: Coefficients[j] / Scale[j] is the slope per original unit.</param>
/// <param name="Score">Weighted R² of the surrogate on the perturbed samples (how linear f is near x).</param>
/// <param name="LocalPrediction">Surrogate prediction at x.</param>
/// <param name="ModelPrediction">f(x).</param>
/// <param name="FeatureNames">d feature names.</param>
public sealed record LimeExplanation(double Intercept, double[] Coefficients, double[] Scale, double Score, double LocalPrediction, double ModelPrediction, string[] FeatureNames)
{
    /// <summary>Slope per original unit of each feature.</summary>
    public double[] CoefficientsPerUnit() => Coefficients.Select((c, j) => c / Scale[j]).ToArray();
}

namespace AiLab.Explain;

/// <summary>
/// Integrated-gradients attributions of one input. Completeness: Σ attributions ≈ f(input) − f(baseline),
/// up to the quadrature error reported in <see cref="ConvergenceDelta"/>.
/// </summary>
/// <param name="Attributions">(xⱼ − x'ⱼ) · ∫₀¹ ∂f/∂xⱼ(x' + α(x − x')) dα per feature.</param>
/// <param name="Input">The explained input x.</param>
/// <param name="Baseline">The baseline x'.</param>
/// <param name="OutputDifference">f(x) − f(x') when the model function was given, else null.</param>
/// <param name="ConvergenceDelta">Σ attributions − (f(x) − f(x')) when the model function was given, else null.</param>
public sealed record IntegratedGradientsResult(double[] Attributions, double[] Input, double[] Baseline, double? OutputDifference, double? ConvergenceDelta);

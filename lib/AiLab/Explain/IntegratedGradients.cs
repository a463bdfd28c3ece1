using AiLab.Classic;
using MathNet.Numerics.Integration;

namespace AiLab.Explain;

/// <summary>
/// Integrated gradients (Sundararajan, Taly &amp; Yan 2017; Captum's <c>IntegratedGradients</c>):
/// IGⱼ(x) = (xⱼ − x'ⱼ) ∫₀¹ ∂f/∂xⱼ(x' + α(x − x')) dα along the straight path from a baseline x' to x,
/// approximated by a quadrature rule. Works from a gradient function, so any differentiable model fits:
/// a closed form, finite differences, or autograd.
/// </summary>
public sealed partial class IntegratedGradients
{
    private readonly Func<double[,], double[,]> _gradient;
    private readonly Func<double[,], double[]>? _model;

    /// <summary>Creates the explainer from a pointwise gradient.</summary>
    /// <param name="gradient">∇f at a point (d values in, d values out).</param>
    /// <param name="model">Optional f at a point, to report completeness (f(x) − f(x')).</param>
    public IntegratedGradients(Func<double[], double[]> gradient, Func<double[], double>? model = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        _gradient = points => MapRows(points, gradient);
        _model = model is null ? null : points => Enumerable.Range(0, points.GetLength(0)).Select(i => model(points.RowCopy(i))).ToArray();
    }

    private IntegratedGradients(Func<double[,], double[,]> batchGradient, Func<double[,], double[]>? model) =>
        (_gradient, _model) = (batchGradient, model);

    /// <summary>
    /// Creates the explainer from a batched gradient (all path points in one call — one backward pass for a
    /// tensor model).
    /// </summary>
    /// <param name="batchGradient">Rows of points in, the gradient at each row out (same shape).</param>
    /// <param name="model">Optional batched f, to report completeness.</param>
    public static IntegratedGradients FromBatch(Func<double[,], double[,]> batchGradient, Func<double[,], double[]>? model = null)
    {
        ArgumentNullException.ThrowIfNull(batchGradient);
        return new IntegratedGradients(batchGradient, model);
    }

    /// <summary>Attributions of <paramref name="input"/> relative to <paramref name="baseline"/>.</summary>
    /// <param name="input">The point x to explain.</param>
    /// <param name="baseline">The reference x' meaning "absence of signal" (default all zeros, e.g. a black image);
    /// the choice matters: attributions explain f(x) − f(x').</param>
    /// <param name="nSteps">Number of quadrature points.</param>
    /// <param name="method">Quadrature rule.</param>
    public IntegratedGradientsResult Attribute(double[] input, double[]? baseline = null, int nSteps = 50, IntegrationMethod method = IntegrationMethod.GaussLegendre)
    {
        ArgumentNullException.ThrowIfNull(input);
        Guard.Vector(input, input.Length, nameof(input), nameof(input));
        baseline ??= new double[input.Length];
        Guard.Vector(baseline, input.Length, nameof(baseline), nameof(input));
        Guard.AtLeast(nSteps, method == IntegrationMethod.RiemannTrapezoid ? 2 : 1, nameof(nSteps));
        int d = input.Length;
        var (alphas, weights) = Rule(method, nSteps);
        var path = new double[nSteps, d];
        for (int k = 0; k < nSteps; k++)
            for (int j = 0; j < d; j++) path[k, j] = baseline[j] + alphas[k] * (input[j] - baseline[j]);
        var gradients = _gradient(path);
        if (gradients is null || gradients.GetLength(0) != nSteps || gradients.GetLength(1) != d)
            throw new InvalidOperationException($"The gradient function must return a {nSteps} × {d} matrix for {nSteps} path points of {d} features.");
        var attributions = new double[d];
        for (int j = 0; j < d; j++)
        {
            double integral = 0;
            for (int k = 0; k < nSteps; k++) integral += weights[k] * gradients[k, j];
            attributions[j] = (input[j] - baseline[j]) * integral;
        }
        double? difference = null, delta = null;
        if (_model is not null)
        {
            var ends = new double[2, d];
            input.CopyTo(ends.Row(0));
            baseline.CopyTo(ends.Row(1));
            var f = _model(ends);
            difference = f[0] - f[1];
            delta = attributions.Sum() - difference;
        }
        return new IntegratedGradientsResult(attributions, (double[])input.Clone(), (double[])baseline.Clone(), difference, delta);
    }

    /// <summary>Nodes α ∈ [0, 1] and weights (summing to 1) of a quadrature rule with <paramref name="nSteps"/> points.</summary>
    public static (double[] Alphas, double[] Weights) Rule(IntegrationMethod method, int nSteps)
    {
        Guard.AtLeast(nSteps, method == IntegrationMethod.RiemannTrapezoid ? 2 : 1, nameof(nSteps));
        var alphas = new double[nSteps];
        var weights = new double[nSteps];
        switch (method)
        {
            case IntegrationMethod.RiemannLeft:
            case IntegrationMethod.RiemannRight:
            case IntegrationMethod.RiemannMiddle:
                double shift = method switch { IntegrationMethod.RiemannLeft => 0.0, IntegrationMethod.RiemannRight => 1.0, _ => 0.5 };
                for (int k = 0; k < nSteps; k++) (alphas[k], weights[k]) = ((k + shift) / nSteps, 1.0 / nSteps);
                break;
            case IntegrationMethod.RiemannTrapezoid:
                for (int k = 0; k < nSteps; k++)
                    (alphas[k], weights[k]) = (k / (nSteps - 1.0), (k == 0 || k == nSteps - 1 ? 0.5 : 1.0) / (nSteps - 1));
                break;
            case IntegrationMethod.GaussLegendre:
                var rule = new GaussLegendreRule(0.0, 1.0, nSteps);
                for (int k = 0; k < nSteps; k++) (alphas[k], weights[k]) = (rule.GetAbscissa(k), rule.GetWeight(k));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown integration method.");
        }
        return (alphas, weights);
    }

    private static double[,] MapRows(double[,] points, Func<double[], double[]> gradient)
    {
        int n = points.GetLength(0), d = points.GetLength(1);
        var result = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            var g = gradient(points.RowCopy(i)) ?? throw new InvalidOperationException("The gradient function returned null.");
            if (g.Length != d) throw new InvalidOperationException($"The gradient function returned {g.Length} values for a point of {d} features.");
            g.CopyTo(result.Row(i));
        }
        return result;
    }
}

namespace AiLab.Explain;

/// <summary>Quadrature rule for the path integral of <see cref="IntegratedGradients"/> (Captum's names).</summary>
public enum IntegrationMethod
{
    /// <summary>Left Riemann sum: α = k/n, k = 0..n−1.</summary>
    RiemannLeft,
    /// <summary>Right Riemann sum: α = k/n, k = 1..n.</summary>
    RiemannRight,
    /// <summary>Midpoint rule: α = (k + ½)/n (error O(1/n²) for smooth paths).</summary>
    RiemannMiddle,
    /// <summary>Trapezoid rule on n equally spaced points including both ends.</summary>
    RiemannTrapezoid,
    /// <summary>n-point Gauss–Legendre on [0, 1] (exact for polynomial integrands of degree ≤ 2n − 1).</summary>
    GaussLegendre,
}

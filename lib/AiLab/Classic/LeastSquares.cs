using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace AiLab.Classic;

/// <summary>
/// Weighted (ridge) least squares — the single solver behind <see cref="LinearRegression"/>,
/// <see cref="Ridge"/>, the iterative imputer, KernelSHAP and LIME: a thin SVD in general, Cholesky of the
/// Gram matrix when a ridge penalty makes that well conditioned.
/// </summary>
internal static class LeastSquares
{
    // NOTE: double.Epsilon is the smallest subnormal, not the unit roundoff numpy calls finfo.eps.
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Minimizes Σ wᵢ (yᵢ − b − xᵢ·β)² + α‖β‖² (b unpenalized, only when <paramref name="fitIntercept"/>).
    /// With α = 0 a rank-deficient design gets the minimum-norm solution, like LAPACK's <c>gelsd</c>.
    /// </summary>
    public static (double[] Coef, double Intercept) Fit(double[,] x, double[] y, double[]? sampleWeight, double alpha, bool fitIntercept)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var w = sampleWeight ?? Enumerable.Repeat(1.0, n).ToArray();
        var xMean = new double[d];
        double yMean = 0;
        if (fitIntercept)
        {
            // Centre with the weighted means so the intercept drops out of the penalized problem.
            double total = w.Sum();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++) xMean[j] += w[i] * x[i, j];
                yMean += w[i] * y[i];
            }
            for (int j = 0; j < d; j++) xMean[j] /= total;
            yMean /= total;
        }
        var columnMajor = new double[n * d];
        var rhs = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = Math.Sqrt(w[i]);
            for (int j = 0; j < d; j++) columnMajor[j * n + i] = s * (x[i, j] - xMean[j]);
            rhs[i] = s * (y[i] - yMean);
        }
        var a = Matrix<double>.Build.Dense(n, d, columnMajor);
        var b = Vector<double>.Build.Dense(rhs);
        var beta = alpha > 0 && n >= d ? RidgeNormalEquations(a, b, alpha) : SvdSolve(a, b, alpha);
        double intercept = fitIntercept ? yMean - Rows.Dot(xMean, beta) : 0.0;
        return (beta, intercept);
    }

    /// <summary>
    /// β = V · diag(f(s)) · Uᵀ b with f(s) = s / (s² + α), or the pseudo-inverse 1/s above LAPACK's cutoff
    /// when α = 0 (minimum-norm solution of a rank-deficient system).
    /// </summary>
    private static double[] SvdSolve(Matrix<double> a, Vector<double> b, double alpha)
    {
        var (u, sv, vt) = ThinSvd(a);
        double cutoff = (sv.Length == 0 ? 0 : sv.Max()) * Math.Max(a.RowCount, a.ColumnCount) * MachineEpsilon;
        var ub = u.TransposeThisAndMultiply(b);
        for (int k = 0; k < sv.Length; k++)
        {
            double s = sv[k];
            ub[k] *= alpha > 0 ? s / (s * s + alpha) : s > cutoff ? 1.0 / s : 0.0;
        }
        return vt.TransposeThisAndMultiply(ub).ToArray();
    }

    /// <summary>
    /// (AᵀA + αI) β = Aᵀb by Cholesky: with α &gt; 0 the system is positive definite and its condition number
    /// is bounded by (s²max + α)/α, and forming the d × d Gram matrix is ~10× cheaper than an SVD of a tall A.
    /// </summary>
    private static double[] RidgeNormalEquations(Matrix<double> a, Vector<double> b, double alpha)
    {
        var gram = a.TransposeThisAndMultiply(a);
        for (int j = 0; j < gram.RowCount; j++) gram[j, j] += alpha;
        return gram.Cholesky().Solve(a.TransposeThisAndMultiply(b)).ToArray();
    }

    /// <summary>
    /// Thin SVD A = U·diag(S)·Vᵀ with r = min(n, d) singular values in decreasing order. A QR step first
    /// keeps the cost at O(n·d·r) and the memory at O((n + d)·r) for tall and for wide matrices alike.
    /// </summary>
    public static (Matrix<double> U, double[] S, Matrix<double> Vt) ThinSvd(Matrix<double> a)
    {
        if (a.RowCount >= a.ColumnCount)
        {
            var qr = a.QR(QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            return (qr.Q * svd.U, svd.S.ToArray(), svd.VT);
        }
        else
        {
            // Aᵀ = Q R  ⇒  A = Rᵀ Qᵀ = U S (Vtᵣ Qᵀ) with Rᵀ = U S Vtᵣ.
            var qr = a.Transpose().QR(QRMethod.Thin);
            var svd = qr.R.Transpose().Svd(computeVectors: true);
            return (svd.U, svd.S.ToArray(), svd.VT.TransposeAndMultiply(qr.Q));
        }
    }
}

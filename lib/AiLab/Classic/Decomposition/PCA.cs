using MathNet.Numerics.LinearAlgebra;

namespace AiLab.Classic;

/// <summary>
/// Principal component analysis by SVD of the centred data (scikit-learn's <c>PCA</c> with the full solver):
/// X − mean = U S Vᵀ, components = the first rows of Vᵀ, explained variance = S² / (n − 1). Signs follow
/// scikit-learn's <c>svd_flip</c>: the largest-magnitude entry of each column of U is positive.
/// </summary>
public sealed class PCA
{
    private double[,]? _components;
    private double[]? _mean;

    /// <summary>Creates the estimator.</summary>
    /// <param name="nComponents">Components kept (null = min(n, d)).</param>
    /// <param name="whiten">Scale the projections to unit variance.</param>
    public PCA(int? nComponents = null, bool whiten = false)
    {
        if (nComponents is { } k) Guard.AtLeast(k, 1, nameof(nComponents));
        (NComponents, Whiten) = (nComponents, whiten);
    }

    /// <summary>Requested number of components (null = all).</summary>
    public int? NComponents { get; }
    /// <summary>Whether projections are whitened.</summary>
    public bool Whiten { get; }

    /// <summary>Principal axes, k × d, rows of unit length, by decreasing explained variance.</summary>
    public double[,] Components => Guard.Fitted(_components, nameof(PCA));
    /// <summary>Per-feature training mean subtracted before projecting.</summary>
    public double[] Mean => Guard.Fitted(_mean, nameof(PCA));
    /// <summary>Variance along each kept component (S² / (n − 1)).</summary>
    public double[] ExplainedVariance { get; private set; } = [];
    /// <summary>Fraction of the total variance along each kept component.</summary>
    public double[] ExplainedVarianceRatio { get; private set; } = [];
    /// <summary>Singular values of the centred data for the kept components.</summary>
    public double[] SingularValues { get; private set; } = [];

    /// <summary>Fits the components on X. Returns this.</summary>
    public PCA Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0), d = X.GetLength(1), r = Math.Min(n, d);
        int k = NComponents ?? r;
        if (k > r) throw new ArgumentException($"nComponents = {k} exceeds min(n_samples, n_features) = {r}.", nameof(X));
        var mean = X.ColumnMeans();
        var centred = Matrix<double>.Build.Dense(n, d, (i, j) => X[i, j] - mean[j]);
        var (u, s, vt) = LeastSquares.ThinSvd(centred);
        var components = new double[k, d];
        for (int c = 0; c < k; c++)
        {
            // svd_flip (u-based): make the largest |U[:, c]| positive, so signs are reproducible.
            int argMax = 0;
            for (int i = 1; i < n; i++) if (Math.Abs(u[i, c]) > Math.Abs(u[argMax, c])) argMax = i;
            double sign = u[argMax, c] < 0 ? -1.0 : 1.0;
            for (int j = 0; j < d; j++) components[c, j] = sign * vt[c, j];
        }
        double denominator = Math.Max(n - 1, 1);
        var variance = s.Select(v => v * v / denominator).ToArray();
        double total = variance.Sum();
        ExplainedVariance = variance[..k];
        ExplainedVarianceRatio = variance[..k].Select(v => total > 0 ? v / total : 0).ToArray();
        SingularValues = s[..k];
        (_components, _mean) = (components, mean);
        return this;
    }

    /// <summary>Projections (X − mean)·Componentsᵀ, n × k (divided by √variance when whitening).</summary>
    public double[,] Transform(double[,] X)
    {
        var components = Components;
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, Mean.Length, nameof(X), nameof(PCA));
        int n = X.GetLength(0), k = components.GetLength(0), d = Mean.Length;
        var result = new double[n, k];
        var centred = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) centred[j] = X[i, j] - Mean[j];
            for (int c = 0; c < k; c++)
                result[i, c] = Rows.Dot(centred, components.Row(c)) / (Whiten ? Math.Sqrt(ExplainedVariance[c]) : 1.0);
        }
        return result;
    }

    /// <summary>Fit then transform the same data.</summary>
    public double[,] FitTransform(double[,] X) => Fit(X).Transform(X);

    /// <summary>Maps projections back to feature space: Z·Components + mean (undoing whitening).</summary>
    public double[,] InverseTransform(double[,] Z)
    {
        var components = Components;
        Guard.Matrix(Z, nameof(Z));
        int k = components.GetLength(0), d = Mean.Length;
        Guard.Features(Z, k, nameof(Z), nameof(PCA));
        var result = new double[Z.GetLength(0), d];
        for (int i = 0; i < result.GetLength(0); i++)
            for (int j = 0; j < d; j++)
            {
                double v = Mean[j];
                for (int c = 0; c < k; c++) v += Z[i, c] * (Whiten ? Math.Sqrt(ExplainedVariance[c]) : 1.0) * components[c, j];
                result[i, j] = v;
            }
        return result;
    }
}

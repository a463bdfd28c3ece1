using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// Small background sets for the Shapley explainers, whose cost grows linearly with the background size.
/// </summary>
public static class ShapBackground
{
    /// <summary>
    /// k-means summary of X (like <c>shap.kmeans</c>): the k cluster centres, weighted by cluster size.
    /// Pass both to an explainer: <c>new KernelExplainer(f, bg.Data, bg.Weights)</c>.
    /// </summary>
    public static (double[,] Data, double[] Weights) KMeans(double[,] X, int k, int seed = 0)
    {
        var kmeans = new Classic.KMeans(nClusters: k, seed: seed).Fit(X);
        var weights = new double[k];
        foreach (int label in kmeans.Labels) weights[label]++;
        return (kmeans.ClusterCenters, weights);
    }

    /// <summary><paramref name="n"/> rows of X drawn without replacement (all of X when it has no more rows).</summary>
    public static double[,] Sample(double[,] X, int n, int seed = 0)
    {
        Guard.Matrix(X, nameof(X));
        Guard.AtLeast(n, 1, nameof(n));
        int rows = X.GetLength(0);
        if (n >= rows) return (double[,])X.Clone();
        var picked = new Random(seed).SampleWithoutReplacement(rows, n);
        Array.Sort(picked);
        return X.SelectRows(picked);
    }
}

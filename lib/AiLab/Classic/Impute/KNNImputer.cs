using System.Runtime.InteropServices;

namespace AiLab.Classic;

/// <summary>
/// Fills each missing entry with the (weighted) mean of that feature over the k nearest training rows
/// that observe it (scikit-learn's <c>KNNImputer</c>). Distances are <c>nan_euclidean</c>: over the
/// coordinates both rows observe, scaled up by d / (number observed). A row that shares no observed
/// coordinate with any donor gets the column mean.
/// </summary>
public sealed class KNNImputer
{
    private double[,]? _fit;
    private double[]? _columnMeans;

    /// <summary>Creates the imputer.</summary>
    /// <param name="nNeighbors">Number of donor rows averaged.</param>
    /// <param name="weights">Uniform mean or 1/distance weighting of the donors.</param>
    public KNNImputer(int nNeighbors = 5, NeighborWeights weights = NeighborWeights.Uniform)
    {
        Guard.AtLeast(nNeighbors, 1, nameof(nNeighbors));
        (NNeighbors, Weights) = (nNeighbors, weights);
    }

    /// <summary>Number of donors.</summary>
    public int NNeighbors { get; }
    /// <summary>Donor weighting.</summary>
    public NeighborWeights Weights { get; }

    /// <summary>Stores the training rows as donors. Returns this.</summary>
    public KNNImputer Fit(double[,] X)
    {
        _columnMeans = new SimpleImputer().Fit(X).Statistics; // also rejects all-missing columns
        _fit = (double[,])X.Clone();
        return this;
    }

    /// <summary>A copy of X with every NaN imputed from its nearest donors.</summary>
    public double[,] Transform(double[,] X)
    {
        var fit = Guard.Fitted(_fit, nameof(KNNImputer));
        Guard.Matrix(X, nameof(X), allowNaN: true);
        Guard.Features(X, fit.GetLength(1), nameof(X), nameof(KNNImputer));
        int n = X.GetLength(0), m = fit.GetLength(0), d = fit.GetLength(1);
        var result = (double[,])X.Clone();
        var distances = new double[m];
        var donors = new List<int>(m);
        for (int i = 0; i < n; i++)
        {
            var row = X.Row(i);
            if (!HasNaN(row)) continue;
            for (int r = 0; r < m; r++) distances[r] = NanEuclidean(row, fit.Row(r));
            for (int j = 0; j < d; j++)
            {
                if (!double.IsNaN(row[j])) continue;
                donors.Clear();
                for (int r = 0; r < m; r++) if (!double.IsNaN(fit[r, j])) donors.Add(r);
                if (donors.All(r => double.IsNaN(distances[r])))
                {
                    result[i, j] = _columnMeans![j];
                    continue;
                }
                // Nearest first, undefined distances last (they still count under uniform weights, as in scikit-learn).
                var (nearest, nearestDistances) = NearestNeighbors.Smallest(CollectionsMarshal.AsSpan(donors), distances, Math.Min(NNeighbors, donors.Count));
                var w = NearestNeighbors.Weights(nearestDistances, Weights);
                double sum = 0, total = 0;
                for (int k = 0; k < nearest.Length; k++)
                {
                    sum += w[k] * fit[nearest[k], j];
                    total += w[k];
                }
                result[i, j] = sum / total;
            }
        }
        return result;
    }

    /// <summary>Fit then transform the same data.</summary>
    public double[,] FitTransform(double[,] X) => Fit(X).Transform(X);

    /// <summary>scikit-learn's <c>nan_euclidean_distances</c> for one pair of rows; NaN when no coordinate is shared.</summary>
    internal static double NanEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        int present = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double diff = a[j] - b[j];
            if (double.IsNaN(diff)) continue;
            sum += diff * diff;
            present++;
        }
        return present == 0 ? double.NaN : Math.Sqrt(sum * a.Length / present);
    }

    private static bool HasNaN(ReadOnlySpan<double> row)
    {
        foreach (double v in row) if (double.IsNaN(v)) return true;
        return false;
    }
}

namespace AiLab.Classic;

/// <summary>
/// k-nearest-neighbours classification with Euclidean distance (scikit-learn's <c>KNeighborsClassifier</c>,
/// brute force). Fitting stores the training set; prediction is the (weighted) vote of the k nearest rows.
/// </summary>
public sealed class KNeighborsClassifier : IClassifier
{
    private double[,]? _x;
    private int[]? _codes;
    private ClassEncoding? _encoding;

    /// <summary>Creates the classifier.</summary>
    /// <param name="nNeighbors">Number of neighbours k.</param>
    /// <param name="weights">Uniform vote or 1/distance weighting.</param>
    public KNeighborsClassifier(int nNeighbors = 5, NeighborWeights weights = NeighborWeights.Uniform)
    {
        Guard.AtLeast(nNeighbors, 1, nameof(nNeighbors));
        (NNeighbors, Weights) = (nNeighbors, weights);
    }

    /// <summary>Number of neighbours.</summary>
    public int NNeighbors { get; }
    /// <summary>Neighbour weighting.</summary>
    public NeighborWeights Weights { get; }
    /// <summary>Sorted class labels.</summary>
    public int[] Classes => Guard.Fitted(_encoding, nameof(KNeighborsClassifier)).Classes;

    /// <summary>Stores the training set. Returns this.</summary>
    public KNeighborsClassifier Fit(double[,] X, int[] y)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Labels(y, X.GetLength(0), nameof(y), "X's rows");
        if (X.GetLength(0) < NNeighbors)
            throw new ArgumentException($"X has {X.GetLength(0)} rows, fewer than nNeighbors = {NNeighbors}.", nameof(X));
        _encoding = new ClassEncoding(y);
        _codes = _encoding.Encode(y);
        _x = (double[,])X.Clone();
        return this;
    }

    /// <summary>Distances and training-row indices of the k nearest neighbours of each row, nearest first.</summary>
    public (double[,] Distances, int[,] Indices) KNeighbors(double[,] X)
    {
        var train = Guard.Fitted(_x, nameof(KNeighborsClassifier));
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, train.GetLength(1), nameof(X), nameof(KNeighborsClassifier));
        int n = X.GetLength(0);
        var distances = new double[n, NNeighbors];
        var indices = new int[n, NNeighbors];
        for (int i = 0; i < n; i++)
        {
            var (idx, dist) = NearestNeighbors.Query(train, X.Row(i), NNeighbors);
            for (int k = 0; k < NNeighbors; k++) (indices[i, k], distances[i, k]) = (idx[k], dist[k]);
        }
        return (distances, indices);
    }

    /// <summary>Weighted fraction of the k neighbours in each class, n × K.</summary>
    public double[,] PredictProba(double[,] X)
    {
        var (distances, indices) = KNeighbors(X);
        int n = X.GetLength(0);
        var p = new double[n, Classes.Length];
        for (int i = 0; i < n; i++)
        {
            var w = NearestNeighbors.Weights(distances.RowCopy(i), Weights);
            double total = w.Sum();
            for (int k = 0; k < NNeighbors; k++) p[i, _codes![indices[i, k]]] += w[k] / total;
        }
        return p;
    }

    /// <summary>Class with the largest (weighted) vote; the lowest label on ties.</summary>
    public int[] Predict(double[,] X) => Guard.Fitted(_encoding, nameof(KNeighborsClassifier)).DecodeArgMax(PredictProba(X));

    IClassifier IClassifier.Fit(double[,] X, int[] y) => Fit(X, y);

    /// <summary>Mean accuracy on (X, y).</summary>
    public double Score(double[,] X, int[] y) => Scoring.Accuracy(y, Predict(X));
}

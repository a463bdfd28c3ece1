namespace AiLab.Classic;

/// <summary>
/// k-means clustering by Lloyd's algorithm with greedy k-means++ seeding (scikit-learn's <c>KMeans</c>).
/// Runs <see cref="NInit"/> seeded initializations and keeps the one with the lowest inertia
/// (sum of squared distances of samples to their closest centre).
/// </summary>
public sealed class KMeans
{
    private double[,]? _centers;
    private int[]? _labels;

    /// <summary>Creates the estimator.</summary>
    /// <param name="nClusters">Number of clusters k.</param>
    /// <param name="nInit">Number of k-means++ initializations; the best run is kept.</param>
    /// <param name="maxIter">Maximum Lloyd iterations per run.</param>
    /// <param name="tol">Convergence when the total squared centre shift ≤ tol × mean feature variance.</param>
    /// <param name="seed">Seed of the initializations.</param>
    public KMeans(int nClusters = 8, int nInit = 10, int maxIter = 300, double tol = 1e-4, int seed = 0)
    {
        Guard.AtLeast(nClusters, 1, nameof(nClusters));
        Guard.AtLeast(nInit, 1, nameof(nInit));
        Guard.AtLeast(maxIter, 1, nameof(maxIter));
        Guard.NonNegative(tol, nameof(tol));
        (NClusters, NInit, MaxIter, Tol, Seed) = (nClusters, nInit, maxIter, tol, seed);
    }

    /// <summary>Number of clusters.</summary>
    public int NClusters { get; }
    /// <summary>Number of initializations.</summary>
    public int NInit { get; }
    /// <summary>Iteration limit per run.</summary>
    public int MaxIter { get; }
    /// <summary>Relative tolerance.</summary>
    public double Tol { get; }
    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>Cluster centres, k × d.</summary>
    public double[,] ClusterCenters => Guard.Fitted(_centers, nameof(KMeans));
    /// <summary>Cluster index of each training row.</summary>
    public int[] Labels => Guard.Fitted(_labels, nameof(KMeans));
    /// <summary>Sum of squared distances of the training rows to their centres.</summary>
    public double Inertia { get; private set; }
    /// <summary>Lloyd iterations of the best run.</summary>
    public int NIter { get; private set; }

    /// <summary>Clusters X. Returns this.</summary>
    public KMeans Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        int n = X.GetLength(0);
        if (n < NClusters) throw new ArgumentException($"X has {n} rows, fewer than nClusters = {NClusters}.", nameof(X));
        double tolerance = Tol * MeanVariance(X);
        var rng = new Random(Seed);
        double bestInertia = double.PositiveInfinity;
        for (int run = 0; run < NInit; run++)
        {
            var centers = KMeansPlusPlus(X, rng);
            var (labels, inertia, iterations) = Lloyd(X, centers, tolerance);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                (_centers, _labels, Inertia, NIter) = (centers, labels, inertia, iterations);
            }
        }
        return this;
    }

    /// <summary>Fits and returns the training labels.</summary>
    public int[] FitPredict(double[,] X) => Fit(X).Labels;

    /// <summary>Index of the nearest centre of each row.</summary>
    public int[] Predict(double[,] X) => Assign(CheckInput(X), ClusterCenters, out _);

    /// <summary>Euclidean distance of each row to each centre, n × k.</summary>
    public double[,] Transform(double[,] X)
    {
        var centers = ClusterCenters;
        CheckInput(X);
        var distances = new double[X.GetLength(0), NClusters];
        for (int i = 0; i < distances.GetLength(0); i++)
            for (int c = 0; c < NClusters; c++) distances[i, c] = Math.Sqrt(Rows.SquaredDistance(X.Row(i), centers.Row(c)));
        return distances;
    }

    /// <summary>Negative inertia of X under the fitted centres (higher is better, as scikit-learn's <c>score</c>).</summary>
    public double Score(double[,] X)
    {
        Assign(CheckInput(X), ClusterCenters, out double inertia);
        return -inertia;
    }

    private double[,] CheckInput(double[,] X)
    {
        Guard.Matrix(X, nameof(X));
        Guard.Features(X, ClusterCenters.GetLength(1), nameof(X), nameof(KMeans));
        return X;
    }

    /// <summary>
    /// Greedy k-means++ (Arthur &amp; Vassilvitskii 2007, as scikit-learn): each new centre is the best of
    /// 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)², judged by the resulting potential.
    /// </summary>
    private double[,] KMeansPlusPlus(double[,] x, Random rng)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        int trials = 2 + (int)Math.Log(NClusters);
        var centers = new double[NClusters, d];
        int first = rng.Next(n);
        x.Row(first).CopyTo(centers.Row(0));
        var closest = new double[n];
        for (int i = 0; i < n; i++) closest[i] = Rows.SquaredDistance(x.Row(i), x.Row(first));
        double potential = closest.Sum();
        var candidateClosest = new double[n];
        var bestClosest = new double[n];
        for (int c = 1; c < NClusters; c++)
        {
            int bestCandidate = -1;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                // All remaining points at distance 0 (duplicates): any point will do.
                int candidate = potential > 0 ? rng.NextWeighted(closest, potential) : rng.Next(n);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++)
                {
                    candidateClosest[i] = Math.Min(closest[i], Rows.SquaredDistance(x.Row(i), x.Row(candidate)));
                    candidatePotential += candidateClosest[i];
                }
                if (candidatePotential < bestPotential)
                {
                    (bestPotential, bestCandidate) = (candidatePotential, candidate);
                    Array.Copy(candidateClosest, bestClosest, n);
                }
            }
            x.Row(bestCandidate).CopyTo(centers.Row(c));
            Array.Copy(bestClosest, closest, n);
            potential = bestPotential;
        }
        return centers;
    }

    /// <summary>Lloyd iterations from <paramref name="centers"/> (updated in place).</summary>
    private (int[] Labels, double Inertia, int Iterations) Lloyd(double[,] x, double[,] centers, double tolerance)
    {
        int n = x.GetLength(0), d = x.GetLength(1), k = NClusters;
        var labels = Assign(x, centers, out _);
        int iteration = 0;
        var sums = new double[k, d];
        var counts = new int[k];
        while (iteration < MaxIter)
        {
            iteration++;
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                var row = x.Row(i);
                var sum = sums.Row(labels[i]);
                for (int j = 0; j < d; j++) sum[j] += row[j];
            }
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                var updated = new double[d];
                if (counts[c] > 0)
                {
                    for (int j = 0; j < d; j++) updated[j] = sums[c, j] / counts[c];
                }
                else
                {
                    // An empty cluster takes over the point farthest from its current centre.
                    int farthest = FarthestPoint(x, centers, labels);
                    x.Row(farthest).CopyTo(updated);
                    labels[farthest] = c;
                }
                shift += Rows.SquaredDistance(updated, centers.Row(c));
                updated.CopyTo(centers.Row(c));
            }
            var newLabels = Assign(x, centers, out _);
            bool unchanged = newLabels.AsSpan().SequenceEqual(labels);
            labels = newLabels;
            if (unchanged || shift <= tolerance) break;
        }
        labels = Assign(x, centers, out double inertia);
        return (labels, inertia, iteration);
    }

    private static int FarthestPoint(double[,] x, double[,] centers, int[] labels)
    {
        int best = 0;
        double bestDistance = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            double dist = Rows.SquaredDistance(x.Row(i), centers.Row(labels[i]));
            if (dist > bestDistance) (best, bestDistance) = (i, dist);
        }
        return best;
    }

    private static int[] Assign(double[,] x, double[,] centers, out double inertia)
    {
        int n = x.GetLength(0), k = centers.GetLength(0);
        var labels = new int[n];
        inertia = 0;
        for (int i = 0; i < n; i++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double dist = Rows.SquaredDistance(x.Row(i), centers.Row(c));
                if (dist < best) (best, labels[i]) = (dist, c);
            }
            inertia += best;
        }
        return labels;
    }

    private static double MeanVariance(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var mean = x.ColumnMeans();
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) total += (x[i, j] - mean[j]) * (x[i, j] - mean[j]);
        return total / (n * d);
    }
}

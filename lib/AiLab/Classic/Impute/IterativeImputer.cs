namespace AiLab.Classic;

/// <summary>
/// Round-robin regression imputation (scikit-learn's <c>IterativeImputer</c> with a ridge estimator):
/// start from column means, then for up to <see cref="MaxIter"/> rounds regress each feature, in order of
/// increasing missingness, on all the others using the rows where it is observed, and overwrite its
/// missing entries with the predictions. Transform replays the fitted regressions on new data.
/// </summary>
public sealed class IterativeImputer
{
    private SimpleImputer? _initial;
    private List<(int Feature, int[] Predictors, Ridge Model)>? _sequence;

    /// <summary>Creates the imputer.</summary>
    /// <param name="maxIter">Maximum number of rounds over the features.</param>
    /// <param name="tol">Stop when the largest row-wise total change (scikit-learn's ∞-norm) falls below
    /// tol × max |observed value|.</param>
    /// <param name="alpha">Ridge penalty of each per-feature regression.</param>
    public IterativeImputer(int maxIter = 10, double tol = 1e-3, double alpha = 1.0)
    {
        Guard.AtLeast(maxIter, 1, nameof(maxIter));
        Guard.NonNegative(tol, nameof(tol));
        Guard.NonNegative(alpha, nameof(alpha));
        (MaxIter, Tol, Alpha) = (maxIter, tol, alpha);
    }

    /// <summary>Maximum number of rounds.</summary>
    public int MaxIter { get; }
    /// <summary>Convergence tolerance.</summary>
    public double Tol { get; }
    /// <summary>Ridge penalty.</summary>
    public double Alpha { get; }
    /// <summary>Rounds run by the last fit.</summary>
    public int NIter { get; private set; }

    /// <summary>Fits the regressions on X (NaN = missing). Returns this.</summary>
    public IterativeImputer Fit(double[,] X)
    {
        FitTransform(X);
        return this;
    }

    /// <summary>Fits on X and returns X with its missing entries imputed.</summary>
    public double[,] FitTransform(double[,] X)
    {
        var initial = new SimpleImputer().Fit(X);
        int n = X.GetLength(0), d = X.GetLength(1);
        var filled = initial.Transform(X);
        double absMax = 0;
        foreach (double v in X) if (!double.IsNaN(v)) absMax = Math.Max(absMax, Math.Abs(v));
        double tolerance = Tol * absMax;

        // Fewest missing values first; stable, so equally complete features keep column order.
        var missingCount = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Count(i => double.IsNaN(X[i, j]))).ToArray();
        var order = Enumerable.Range(0, d).OrderBy(j => missingCount[j]).ToArray();
        var sequence = new List<(int, int[], Ridge)>();
        int rounds = 0;
        if (d > 1)
        {
            for (rounds = 1; rounds <= MaxIter; rounds++)
            {
                var previous = (double[,])filled.Clone();
                foreach (int feature in order) sequence.Add(ImputeFeature(X, filled, feature, fitModel: null));
                if (MaxRowChange(filled, previous) < tolerance) break;
            }
            rounds = Math.Min(rounds, MaxIter);
        }
        (_initial, _sequence, NIter) = (initial, sequence, rounds);
        return filled;
    }

    /// <summary>Imputes X by the mean start and the fitted regressions, in fit order.</summary>
    public double[,] Transform(double[,] X)
    {
        var initial = Guard.Fitted(_initial, nameof(IterativeImputer));
        var filled = initial.Transform(X);
        foreach (var step in _sequence!) ImputeFeature(X, filled, step.Feature, step);
        return filled;
    }

    /// <summary>
    /// Fits (when <paramref name="fitModel"/> is null) the ridge of <paramref name="feature"/> on the other
    /// columns over the rows where it is observed in <paramref name="original"/>, then overwrites its missing
    /// entries in <paramref name="filled"/> with the predictions.
    /// </summary>
    private (int, int[], Ridge) ImputeFeature(double[,] original, double[,] filled, int feature, (int, int[] Predictors, Ridge Model)? fitModel)
    {
        int n = original.GetLength(0), d = original.GetLength(1);
        var predictors = fitModel?.Predictors ?? Enumerable.Range(0, d).Where(j => j != feature).ToArray();
        var observed = new List<int>(n);
        var missing = new List<int>();
        for (int i = 0; i < n; i++) (double.IsNaN(original[i, feature]) ? missing : observed).Add(i);
        Ridge model;
        if (fitModel is { } fitted) model = fitted.Model;
        else
        {
            var xTrain = Columns(filled, observed, predictors);
            var yTrain = observed.Select(i => original[i, feature]).ToArray();
            model = new Ridge(Alpha).Fit(xTrain, yTrain);
        }
        if (missing.Count > 0)
        {
            var predicted = model.Predict(Columns(filled, missing, predictors));
            for (int k = 0; k < missing.Count; k++) filled[missing[k], feature] = predicted[k];
        }
        return (feature, predictors, model);
    }

    private static double[,] Columns(double[,] x, List<int> rows, int[] columns)
    {
        var result = new double[rows.Count, columns.Length];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < columns.Length; c++) result[r, c] = x[rows[r], columns[c]];
        return result;
    }

    /// <summary>max over rows of Σⱼ |aᵢⱼ − bᵢⱼ| (NumPy's matrix ∞-norm, which scikit-learn's stopping rule uses).</summary>
    private static double MaxRowChange(double[,] a, double[,] b)
    {
        double max = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            double s = 0;
            for (int j = 0; j < a.GetLength(1); j++) s += Math.Abs(a[i, j] - b[i, j]);
            max = Math.Max(max, s);
        }
        return max;
    }
}

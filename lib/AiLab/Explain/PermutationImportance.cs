using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// Model-agnostic permutation feature importance (Breiman 2001; scikit-learn's <c>permutation_importance</c>):
/// importance of feature j = score(X) − score(X with column j shuffled), averaged over repeats. Compute it on
/// held-out data to measure what the model uses to generalize.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Importances for a score function of the (possibly shuffled) data; higher score = better.</summary>
    /// <param name="X">Evaluation data, n × d.</param>
    /// <param name="score">Score of the model on a data matrix, e.g. <c>Xp => accuracy(y, model.Predict(Xp))</c>.</param>
    /// <param name="nRepeats">Shuffles per feature.</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="featureNames">Optional names (default x0, x1, …).</param>
    public static PermutationImportanceResult Compute(double[,] X, Func<double[,], double> score, int nRepeats = 5, int seed = 0, string[]? featureNames = null)
    {
        Guard.Matrix(X, nameof(X));
        ArgumentNullException.ThrowIfNull(score);
        Guard.AtLeast(nRepeats, 1, nameof(nRepeats));
        int n = X.GetLength(0), d = X.GetLength(1);
        var names = ExplainChecks.FeatureNames(featureNames, d);
        double baseline = CheckedScore(score, (double[,])X.Clone());
        var rng = new Random(seed);
        var importances = new double[d, nRepeats];
        var shuffled = (double[,])X.Clone();
        for (int j = 0; j < d; j++)
        {
            for (int r = 0; r < nRepeats; r++)
            {
                var order = rng.Permutation(n);
                for (int i = 0; i < n; i++) shuffled[i, j] = X[order[i], j];
                importances[j, r] = baseline - CheckedScore(score, shuffled);
            }
            for (int i = 0; i < n; i++) shuffled[i, j] = X[i, j];
        }
        var mean = new double[d];
        var std = new double[d];
        for (int j = 0; j < d; j++)
        {
            var drops = importances.Row(j);
            double m = 0;
            foreach (double v in drops) m += v / nRepeats;
            double variance = 0;
            foreach (double v in drops) variance += (v - m) * (v - m) / nRepeats;
            (mean[j], std[j]) = (m, Math.Sqrt(variance));
        }
        return new PermutationImportanceResult(baseline, mean, std, importances, names);
    }

    /// <summary>Importances for a model, targets and a metric of (yTrue, yPredicted); higher metric = better.</summary>
    /// <param name="model">Batch model: n × d in, one prediction per row.</param>
    /// <param name="X">Evaluation data.</param>
    /// <param name="y">Targets.</param>
    /// <param name="metric">Higher-is-better metric, e.g. R² or accuracy; pass the negative of a loss.</param>
    /// <param name="nRepeats">Shuffles per feature.</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="featureNames">Optional names.</param>
    public static PermutationImportanceResult Compute(Func<double[,], double[]> model, double[,] X, double[] y, Func<double[], double[], double> metric,
        int nRepeats = 5, int seed = 0, string[]? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metric);
        Guard.Matrix(X, nameof(X));
        Guard.Vector(y, X.GetLength(0), nameof(y), "X's rows");
        return Compute(X, data => metric(y, model(data)), nRepeats, seed, featureNames);
    }

    private static double CheckedScore(Func<double[,], double> score, double[,] data)
    {
        double s = score(data);
        if (!double.IsFinite(s)) throw new InvalidOperationException($"The score function returned {s}; it must be finite.");
        return s;
    }
}

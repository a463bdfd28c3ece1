namespace AiLab.Classic;

/// <summary>
/// Replaces NaN by a per-column statistic learned on the training data (scikit-learn's <c>SimpleImputer</c>).
/// Fit on the training split only, then transform train and test with the same statistics.
/// </summary>
/// <param name="strategy">Which statistic to fill with.</param>
/// <param name="fillValue">The value used by <see cref="ImputationStrategy.Constant"/>.</param>
public sealed class SimpleImputer(ImputationStrategy strategy = ImputationStrategy.Mean, double fillValue = 0.0)
{
    private double[]? _statistics;

    /// <summary>The statistic.</summary>
    public ImputationStrategy Strategy { get; } = strategy;

    /// <summary>Fill value per column learned in fit.</summary>
    public double[] Statistics => Guard.Fitted(_statistics, nameof(SimpleImputer));

    /// <summary>Learns the fill value of each column from its observed entries. Returns this.</summary>
    public SimpleImputer Fit(double[,] X)
    {
        Guard.Matrix(X, nameof(X), allowNaN: true);
        int d = X.GetLength(1);
        var statistics = new double[d];
        for (int j = 0; j < d; j++)
        {
            var observed = X.Column(j).Where(v => !double.IsNaN(v)).ToArray();
            if (observed.Length == 0 && Strategy != ImputationStrategy.Constant)
                throw new ArgumentException($"Column {j} of X has no observed value; the {Strategy} of nothing is undefined (drop the column or use Constant).", nameof(X));
            statistics[j] = Strategy switch
            {
                ImputationStrategy.Mean => observed.Average(),
                ImputationStrategy.Median => Metrics.Statistics.Median(observed),
                ImputationStrategy.MostFrequent => observed.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                _ => fillValue,
            };
        }
        _statistics = statistics;
        return this;
    }

    /// <summary>A copy of X with every NaN replaced by its column's fill value.</summary>
    public double[,] Transform(double[,] X)
    {
        var statistics = Statistics;
        Guard.Matrix(X, nameof(X), allowNaN: true);
        Guard.Features(X, statistics.Length, nameof(X), nameof(SimpleImputer));
        var result = (double[,])X.Clone();
        for (int i = 0; i < result.GetLength(0); i++)
            for (int j = 0; j < statistics.Length; j++)
                if (double.IsNaN(result[i, j])) result[i, j] = statistics[j];
        return result;
    }

    /// <summary>Fit then transform the same data.</summary>
    public double[,] FitTransform(double[,] X) => Fit(X).Transform(X);

}

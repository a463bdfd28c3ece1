namespace AiLab.Classic;

/// <summary>
/// Impurity statistics of a node's samples, updated incrementally as the split position sweeps the
/// sorted samples from left to right (scikit-learn's <c>Criterion</c>). All statistics are weighted.
/// </summary>
internal abstract class SplitCriterion
{
    /// <summary>Length of the value stored in a node (class probabilities, or one mean).</summary>
    public abstract int ValueLength { get; }

    /// <summary>Total weight of the node.</summary>
    public double WeightTotal { get; protected set; }

    /// <summary>Weight currently on the left of the split position.</summary>
    public double WeightLeft { get; protected set; }

    /// <summary>Weight currently on the right of the split position.</summary>
    public double WeightRight => WeightTotal - WeightLeft;

    /// <summary>Computes the node statistics over <paramref name="samples"/> and empties the left side.</summary>
    public abstract void Reset(ReadOnlySpan<int> samples);

    /// <summary>Empties the left side again (before sweeping the next feature).</summary>
    public abstract void ResetLeft();

    /// <summary>Moves one sample from the right side to the left side.</summary>
    public abstract void MoveLeft(int sample);

    /// <summary>Impurity of the whole node.</summary>
    public abstract double NodeImpurity();

    /// <summary>Impurities of the two sides at the current position.</summary>
    public abstract (double Left, double Right) ChildImpurities();

    /// <summary>Writes the node's prediction (class probabilities or mean target).</summary>
    public abstract void NodeValue(Span<double> value);
}

/// <summary>Gini impurity 1 − Σ pₖ² or entropy −Σ pₖ log₂ pₖ over weighted class counts.</summary>
internal sealed class ClassificationSplitCriterion(int[] codes, double[] weights, int classes, bool entropy) : SplitCriterion
{
    private readonly double[] _total = new double[classes];
    private readonly double[] _left = new double[classes];

    public override int ValueLength => classes;

    public override void Reset(ReadOnlySpan<int> samples)
    {
        Array.Clear(_total);
        double w = 0;
        foreach (int i in samples)
        {
            _total[codes[i]] += weights[i];
            w += weights[i];
        }
        WeightTotal = w;
        ResetLeft();
    }

    public override void ResetLeft()
    {
        Array.Clear(_left);
        WeightLeft = 0;
    }

    public override void MoveLeft(int sample)
    {
        _left[codes[sample]] += weights[sample];
        WeightLeft += weights[sample];
    }

    public override double NodeImpurity() => Impurity(_total, null, WeightTotal);

    public override (double Left, double Right) ChildImpurities() =>
        (Impurity(_left, null, WeightLeft), Impurity(_total, _left, WeightRight));

    public override void NodeValue(Span<double> value)
    {
        for (int k = 0; k < classes; k++) value[k] = _total[k] / WeightTotal;
    }

    /// <summary>Impurity of counts (minus <paramref name="subtract"/> when given) with total weight <paramref name="weight"/>.</summary>
    private double Impurity(double[] counts, double[]? subtract, double weight)
    {
        if (weight <= 0) return 0;
        double result = entropy ? 0 : 1;
        for (int k = 0; k < classes; k++)
        {
            double p = (counts[k] - (subtract?[k] ?? 0)) / weight;
            if (entropy) { if (p > 0) result -= p * Math.Log2(p); }
            else result -= p * p;
        }
        return result;
    }
}

/// <summary>Weighted variance of the target (squared error around the node mean).</summary>
internal sealed class RegressionSplitCriterion(double[] targets, double[] weights) : SplitCriterion
{
    private double _sum, _sumSquares, _leftSum, _leftSumSquares;

    public override int ValueLength => 1;

    public override void Reset(ReadOnlySpan<int> samples)
    {
        double w = 0, s = 0, q = 0;
        foreach (int i in samples)
        {
            double wy = weights[i] * targets[i];
            w += weights[i];
            s += wy;
            q += wy * targets[i];
        }
        (WeightTotal, _sum, _sumSquares) = (w, s, q);
        ResetLeft();
    }

    public override void ResetLeft()
    {
        WeightLeft = _leftSum = _leftSumSquares = 0;
    }

    public override void MoveLeft(int sample)
    {
        double wy = weights[sample] * targets[sample];
        WeightLeft += weights[sample];
        _leftSum += wy;
        _leftSumSquares += wy * targets[sample];
    }

    public override double NodeImpurity() => Variance(WeightTotal, _sum, _sumSquares);

    public override (double Left, double Right) ChildImpurities() =>
        (Variance(WeightLeft, _leftSum, _leftSumSquares), Variance(WeightRight, _sum - _leftSum, _sumSquares - _leftSumSquares));

    public override void NodeValue(Span<double> value) => value[0] = _sum / WeightTotal;

    private static double Variance(double w, double sum, double sumSquares)
    {
        if (w <= 0) return 0;
        double mean = sum / w;
        return Math.Max(0, sumSquares / w - mean * mean);
    }
}

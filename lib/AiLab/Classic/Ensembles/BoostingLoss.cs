namespace AiLab.Classic;

/// <summary>
/// A differentiable loss for gradient boosting on raw scores F(x): its starting constant, its negative
/// gradient (the pseudo-residual each tree fits) and, where the loss is not squared error, the
/// one-step Newton value of each leaf (Friedman 2001).
/// </summary>
internal abstract class BoostingLoss
{
    /// <summary>The constant raw score that minimizes the loss.</summary>
    public abstract double InitialRaw(double[] y, double[] w);

    /// <summary>Writes −∂loss/∂F into <paramref name="residual"/>.</summary>
    public abstract void NegativeGradient(double[] y, double[] raw, double[] residual);

    /// <summary>Weighted mean loss.</summary>
    public abstract double Loss(double[] y, double[] raw, double[] w);

    /// <summary>Replaces the tree's leaf values by the loss's line-search step; squared error keeps the mean residual.</summary>
    public virtual void UpdateLeaves(DecisionTreeRegressor tree, int[] leafOfSample, double[] y, double[] residual, double[] w) { }
}

/// <summary>Squared error ½(y − F)² (reported as the mean of (y − F)², scikit-learn's <c>train_score_</c>).</summary>
internal sealed class SquaredErrorLoss : BoostingLoss
{
    public override double InitialRaw(double[] y, double[] w) => WeightedMean(y, w);

    public override void NegativeGradient(double[] y, double[] raw, double[] residual)
    {
        for (int i = 0; i < y.Length; i++) residual[i] = y[i] - raw[i];
    }

    public override double Loss(double[] y, double[] raw, double[] w)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += w[i] * (y[i] - raw[i]) * (y[i] - raw[i]);
        return s / w.Sum();
    }

    internal static double WeightedMean(double[] v, double[] w)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += w[i] * v[i];
        return s / w.Sum();
    }
}

/// <summary>Binary log-loss on the log-odds F, y ∈ {0, 1}: softplus(F) − y·F.</summary>
internal sealed class BinaryLogLoss : BoostingLoss
{
    public override double InitialRaw(double[] y, double[] w)
    {
        double p = SquaredErrorLoss.WeightedMean(y, w);
        return Math.Log(p / (1 - p));
    }

    public override void NegativeGradient(double[] y, double[] raw, double[] residual)
    {
        for (int i = 0; i < y.Length; i++) residual[i] = y[i] - LogisticRegression.Sigmoid(raw[i]);
    }

    public override double Loss(double[] y, double[] raw, double[] w)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += w[i] * (LogisticRegression.Softplus(raw[i]) - y[i] * raw[i]);
        return s / w.Sum();
    }

    /// <summary>Newton step per leaf: Σ w·r / Σ w·p(1 − p), with p = y − r.</summary>
    public override void UpdateLeaves(DecisionTreeRegressor tree, int[] leafOfSample, double[] y, double[] residual, double[] w)
    {
        var numerator = new Dictionary<int, double>();
        var denominator = new Dictionary<int, double>();
        for (int i = 0; i < y.Length; i++)
        {
            if (w[i] == 0) continue;
            int leaf = leafOfSample[i];
            double p = y[i] - residual[i];
            numerator[leaf] = numerator.GetValueOrDefault(leaf) + w[i] * residual[i];
            denominator[leaf] = denominator.GetValueOrDefault(leaf) + w[i] * p * (1 - p);
        }
        foreach (var (leaf, num) in numerator)
        {
            double den = denominator[leaf];
            // A leaf of confidently classified samples has p(1 − p) ≈ 0: take no step rather than divide by it.
            tree.SetLeafValue(leaf, Math.Abs(den) < 1e-150 ? 0.0 : num / den);
        }
    }
}

namespace AiLab.Metrics;

/// <summary>
/// Cumulative false and true positives at each distinct score, from the highest score down: scikit-learn's
/// <c>_binary_clf_curve</c>, on which ROC and precision–recall curves stand. Tied scores form one threshold, so a
/// tie between a positive and a negative moves the curve diagonally — that is how ties count as half in the AUC.
/// </summary>
/// <param name="FalsePositives">Negatives with score ≥ Thresholds[i].</param>
/// <param name="TruePositives">Positives with score ≥ Thresholds[i].</param>
/// <param name="Thresholds">The distinct scores, decreasing.</param>
internal sealed record ThresholdCounts(double[] FalsePositives, double[] TruePositives, double[] Thresholds)
{
    public int Count => Thresholds.Length;

    public double TotalPositives => TruePositives[^1];

    public double TotalNegatives => FalsePositives[^1];

    public static ThresholdCounts Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> yScore, int? posLabel)
    {
        MetricArguments.Paired(yTrue.Length, yScore.Length, nameof(yTrue), nameof(yScore));
        MetricArguments.Finite(yScore, nameof(yScore));
        bool[] positive = BinaryTargets.PositiveMask(yTrue, posLabel, nameof(yTrue));

        var scores = yScore.ToArray();
        var order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        // Ascending sort, read backwards. The order within a tie does not matter: only tie boundaries are kept.
        Array.Sort(scores, order);

        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double truePositives = 0;
        for (int k = scores.Length - 1; k >= 0; k--)
        {
            if (positive[order[k]])
                truePositives++;
            bool lastOfTie = k == 0 || scores[k - 1] != scores[k];
            if (lastOfTie)
            {
                int seen = scores.Length - k;
                tps.Add(truePositives);
                fps.Add(seen - truePositives);
                thresholds.Add(scores[k]);
            }
        }
        return new ThresholdCounts([.. fps], [.. tps], [.. thresholds]);
    }
}

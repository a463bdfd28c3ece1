namespace AiLab.Metrics;

/// <summary>Rates of one group of a sensitive attribute.</summary>
/// <param name="Group">The group's value of the sensitive attribute.</param>
/// <param name="Count">Samples in the group.</param>
/// <param name="Positives">Samples whose true label is positive.</param>
/// <param name="Negatives">Samples whose true label is negative.</param>
/// <param name="SelectionRate">Fraction predicted positive, P(ŷ = 1 | group).</param>
/// <param name="TruePositiveRate">P(ŷ = 1 | y = 1, group); NaN when the group has no positive.</param>
/// <param name="FalsePositiveRate">P(ŷ = 1 | y = 0, group); NaN when the group has no negative.</param>
public sealed record GroupRate(int Group, int Count, int Positives, int Negatives, double SelectionRate, double TruePositiveRate, double FalsePositiveRate);

/// <summary>Per-group rates and the gaps between groups that group-fairness criteria ask to be small.</summary>
/// <param name="Groups">One entry per group, in increasing group order.</param>
/// <param name="DemographicParityDifference">max − min selection rate (0 = demographic parity).</param>
/// <param name="DemographicParityRatio">min / max selection rate (1 = parity; NaN when no group is ever selected).</param>
/// <param name="EqualOpportunityDifference">max − min true positive rate (0 = equal opportunity).</param>
/// <param name="FalsePositiveRateDifference">max − min false positive rate.</param>
/// <param name="EqualizedOddsDifference">The larger of the TPR and FPR differences (0 = equalized odds).</param>
public sealed record GroupFairnessReport(IReadOnlyList<GroupRate> Groups, double DemographicParityDifference, double DemographicParityRatio,
    double EqualOpportunityDifference, double FalsePositiveRateDifference, double EqualizedOddsDifference);

/// <summary>
/// Group fairness of hard predictions: per-group selection, true positive and false positive rates and their max−min gaps,
/// with the definitions of fairlearn's <c>demographic_parity_difference</c>, <c>demographic_parity_ratio</c> and
/// <c>equalized_odds_difference</c>. A rate a group cannot have (TPR without positives, FPR without negatives) is NaN and
/// is left out of the gaps; a gap with no defined rate at all is NaN.
/// </summary>
public static class Fairness
{
    /// <summary>Per-group rates and gaps.</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels, same length.</param>
    /// <param name="groups">Sensitive attribute of each sample (e.g. 0/1 or group codes), same length.</param>
    /// <param name="posLabel">The label meaning "positive" (selected) in both <paramref name="yTrue"/> and <paramref name="yPred"/>.</param>
    public static GroupFairnessReport GroupRates(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groups, int posLabel = 1)
    {
        MetricArguments.Paired(yTrue.Length, yPred.Length, nameof(yTrue), nameof(yPred));
        MetricArguments.SameLength(groups.Length, yTrue.Length, nameof(groups), nameof(yTrue));
        var rates = new List<GroupRate>();
        foreach (int group in BinaryTargets.Distinct(groups))
        {
            int count = 0, positives = 0, negatives = 0, selected = 0, truePositives = 0, falsePositives = 0;
            for (int i = 0; i < groups.Length; i++)
            {
                if (groups[i] != group)
                    continue;
                bool actual = yTrue[i] == posLabel, predicted = yPred[i] == posLabel;
                count++;
                positives += actual ? 1 : 0;
                negatives += actual ? 0 : 1;
                selected += predicted ? 1 : 0;
                truePositives += actual && predicted ? 1 : 0;
                falsePositives += !actual && predicted ? 1 : 0;
            }
            rates.Add(new GroupRate(group, count, positives, negatives, (double)selected / count,
                positives == 0 ? double.NaN : (double)truePositives / positives,
                negatives == 0 ? double.NaN : (double)falsePositives / negatives));
        }

        double selectionMin = rates.Min(r => r.SelectionRate), selectionMax = rates.Max(r => r.SelectionRate);
        double tprGap = Gap(rates.Select(r => r.TruePositiveRate));
        double fprGap = Gap(rates.Select(r => r.FalsePositiveRate));
        return new GroupFairnessReport(rates, selectionMax - selectionMin,
            selectionMax == 0 ? double.NaN : selectionMin / selectionMax,
            tprGap, fprGap, double.IsNaN(tprGap) || double.IsNaN(fprGap) ? double.NaN : Math.Max(tprGap, fprGap));
    }

    /// <summary>max − min selection rate across groups (needs only predictions).</summary>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="groups">Sensitive attribute of each sample, same length.</param>
    /// <param name="posLabel">The label meaning "selected".</param>
    public static double DemographicParityDifference(ReadOnlySpan<int> yPred, ReadOnlySpan<int> groups, int posLabel = 1) =>
        // Selection rates do not depend on the true labels, so the predictions stand in for them.
        GroupRates(yPred, yPred, groups, posLabel).DemographicParityDifference;

    /// <summary>max − min true positive rate across groups (groups without positives are skipped).</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels, same length.</param>
    /// <param name="groups">Sensitive attribute of each sample, same length.</param>
    /// <param name="posLabel">The positive label.</param>
    public static double EqualOpportunityDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groups, int posLabel = 1) =>
        GroupRates(yTrue, yPred, groups, posLabel).EqualOpportunityDifference;

    /// <summary>The larger of the TPR and FPR gaps across groups (fairlearn's <c>equalized_odds_difference</c>).</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels, same length.</param>
    /// <param name="groups">Sensitive attribute of each sample, same length.</param>
    /// <param name="posLabel">The positive label.</param>
    public static double EqualizedOddsDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groups, int posLabel = 1) =>
        GroupRates(yTrue, yPred, groups, posLabel).EqualizedOddsDifference;

    private static double Gap(IEnumerable<double> rates)
    {
        double[] defined = [.. rates.Where(r => !double.IsNaN(r))];
        return defined.Length == 0 ? double.NaN : defined.Max() - defined.Min();
    }
}

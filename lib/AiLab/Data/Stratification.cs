namespace AiLab.Data;

/// <summary>Grouping of sample indices by class, shared by stratified splits and folds.</summary>
internal static class Stratification
{
    /// <summary>The indices of each class present in <paramref name="labels"/>, by ascending label.</summary>
    public static List<int[]> GroupByClass(IReadOnlyList<int> labels, string argument)
    {
        ArgumentNullException.ThrowIfNull(labels, argument);
        return [.. Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(group => group.Key).Select(group => group.ToArray())];
    }

    /// <summary>
    /// Splits <paramref name="take"/> among groups of the given sizes in proportion to their size,
    /// by largest remainder (Hamilton's method), so the total is exact and each share is within one of
    /// its exact proportion. Ties go to the earlier group.
    /// </summary>
    public static int[] Apportion(IReadOnlyList<int> sizes, int take)
    {
        int total = sizes.Sum();
        var shares = new int[sizes.Count];
        var remainders = new double[sizes.Count];
        for (int g = 0; g < sizes.Count; g++)
        {
            double exact = (double)take * sizes[g] / total;
            shares[g] = (int)Math.Floor(exact);
            remainders[g] = exact - shares[g];
        }
        int left = take - shares.Sum();
        foreach (int g in Enumerable.Range(0, sizes.Count).OrderByDescending(g => remainders[g]).ThenBy(g => g).Take(left))
            shares[g]++;
        return shares;
    }
}

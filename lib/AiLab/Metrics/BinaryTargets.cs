namespace AiLab.Metrics;

/// <summary>Turns integer labels into a positive/negative mask, with scikit-learn's rule for the positive class.</summary>
internal static class BinaryTargets
{
    /// <summary>
    /// Marks the samples whose label is the positive class. With <paramref name="posLabel"/> given, samples equal to it
    /// are positive and all others negative. Without it the labels must lie in {0, 1} or {-1, 1} and 1 is positive
    /// (scikit-learn's <c>_check_pos_label_consistency</c>); any other label set is ambiguous and rejected.
    /// </summary>
    public static bool[] PositiveMask(ReadOnlySpan<int> yTrue, int? posLabel, string name)
    {
        if (posLabel is null)
        {
            bool zeroOne = true, minusOneOne = true;
            foreach (int y in yTrue)
            {
                zeroOne &= y is 0 or 1;
                minusOneOne &= y is -1 or 1;
            }
            if (!zeroOne && !minusOneOne)
                throw new ArgumentException(
                    $"holds labels {{{string.Join(", ", Distinct(yTrue))}}}; without posLabel they must lie in {{0, 1}} or {{-1, 1}}. Pass posLabel to say which label is positive.",
                    name);
        }
        int positive = posLabel ?? 1;
        var mask = new bool[yTrue.Length];
        for (int i = 0; i < yTrue.Length; i++)
            mask[i] = yTrue[i] == positive;
        return mask;
    }

    /// <summary>Sorted distinct values.</summary>
    public static int[] Distinct(ReadOnlySpan<int> values)
    {
        var set = new SortedSet<int>();
        foreach (int v in values)
            set.Add(v);
        return [.. set];
    }

    /// <summary>Sorted distinct values of two arrays together.</summary>
    public static int[] Distinct(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var set = new SortedSet<int>();
        foreach (int v in first)
            set.Add(v);
        foreach (int v in second)
            set.Add(v);
        return [.. set];
    }
}

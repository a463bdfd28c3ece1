namespace AiLab.Data;

/// <summary>Argument checks the dataset types share, with messages naming the argument.</summary>
internal static class DatasetChecks
{
    public static void SameCount(int samples, int count, string argument)
    {
        if (samples != count)
            throw new ArgumentException($"{argument} has {count} entries for {samples} samples.", argument);
    }

    public static void Names(IReadOnlyList<string> names, int expected, string argument)
    {
        ArgumentNullException.ThrowIfNull(names, argument);
        if (names.Count != expected)
            throw new ArgumentException($"{argument} has {names.Count} names for {expected} columns.", argument);
    }

    public static void Labels(int[] labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException(
                    $"labels[{i}] = {labels[i]} is not a class index 0..{classNames.Count - 1}.", nameof(labels));
    }

    public static int[] CountLabels(int[] labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (int label in labels)
            counts[label]++;
        return counts;
    }
}

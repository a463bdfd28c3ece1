namespace AiLab.Classic;

/// <summary>
/// Maps arbitrary integer class labels to column indices 0..K-1 in sorted label order (scikit-learn's
/// <c>classes_</c>), so probabilities and decision columns line up with <see cref="Classes"/>.
/// </summary>
internal sealed class ClassEncoding
{
    private readonly Dictionary<int, int> _index;

    public ClassEncoding(int[] y)
    {
        Classes = y.Distinct().Order().ToArray();
        _index = new Dictionary<int, int>(Classes.Length);
        for (int k = 0; k < Classes.Length; k++) _index[Classes[k]] = k;
    }

    /// <summary>Sorted distinct labels.</summary>
    public int[] Classes { get; }

    /// <summary>Number of classes.</summary>
    public int Count => Classes.Length;

    /// <summary>Column index of every label in <paramref name="y"/>; throws for a label not seen in fit.</summary>
    public int[] Encode(int[] y, string name = "y")
    {
        var codes = new int[y.Length];
        for (int i = 0; i < y.Length; i++)
            if (!_index.TryGetValue(y[i], out codes[i]))
                throw new ArgumentException($"{name}[{i}] = {y[i]} is not one of the fitted classes [{string.Join(", ", Classes)}].", name);
        return codes;
    }

    /// <summary>Label of each row's largest score (first on ties).</summary>
    public int[] DecodeArgMax(double[,] scores)
    {
        var labels = new int[scores.GetLength(0)];
        for (int i = 0; i < labels.Length; i++) labels[i] = Classes[Rows.ArgMax(scores.Row(i))];
        return labels;
    }
}

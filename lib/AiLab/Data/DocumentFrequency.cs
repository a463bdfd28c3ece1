namespace AiLab.Data;

/// <summary>
/// A document-frequency bound of <see cref="CountVectorizer"/> (scikit-learn's <c>min_df</c> / <c>max_df</c>): either a
/// number of documents (an <see cref="int"/>, as Python's int) or a proportion of the training documents (a
/// <see cref="double"/> in [0, 1], as Python's float). Both convert implicitly, so <c>minDf: 2</c> means "in at least 2
/// documents" and <c>maxDf: 0.9</c> "in at most 90 % of them" — and, as in scikit-learn, <c>1</c> and <c>1.0</c> differ.
/// </summary>
public readonly record struct DocumentFrequency
{
    private DocumentFrequency(int? count, double? proportion) => (Count, Proportion) = (count, proportion);

    /// <summary>The bound as a number of documents, or null when it is a proportion.</summary>
    public int? Count { get; }

    /// <summary>The bound as a proportion of the documents, or null when it is a count.</summary>
    public double? Proportion { get; }

    /// <summary>A bound of <paramref name="documents"/> documents (≥ 0).</summary>
    public static DocumentFrequency Documents(int documents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        return new(documents, null);
    }

    /// <summary>A bound of <paramref name="proportion"/> × the number of training documents, proportion in [0, 1].</summary>
    public static DocumentFrequency Fraction(double proportion)
    {
        if (!(proportion >= 0 && proportion <= 1))
            throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "A document-frequency proportion must lie in [0, 1]; use an int for a number of documents.");
        return new(null, proportion);
    }

    /// <summary>A number of documents.</summary>
    public static implicit operator DocumentFrequency(int documents) => Documents(documents);

    /// <summary>A proportion of the training documents.</summary>
    public static implicit operator DocumentFrequency(double proportion) => Fraction(proportion);

    /// <summary>The bound in documents for a corpus of <paramref name="documents"/> (a proportion is not rounded, as in scikit-learn).</summary>
    public double For(int documents) => Count ?? Proportion!.Value * documents;

    /// <inheritdoc/>
    public override string ToString() => Count is { } c ? $"{c} documents" : $"{Proportion:0.###} of the documents";
}

namespace AiLab.Data;

/// <summary>
/// One-hot encodes one categorical column: each value becomes a row with a 1 in its category's position
/// (categories in ordinal order, learned by <see cref="Fit"/> on training data). A category not seen in
/// training, or a missing value, throws unless <c>ignoreUnknown</c>, in which case its row is all zeros
/// (scikit-learn's <c>handle_unknown="ignore"</c>).
/// </summary>
public sealed class OneHotEncoder
{
    private readonly LabelEncoder categories = new();
    private bool fitted;

    /// <summary>An encoder; <paramref name="ignoreUnknown"/> encodes unseen or missing values as all-zero rows.</summary>
    public OneHotEncoder(bool ignoreUnknown = false)
    {
        IgnoreUnknown = ignoreUnknown;
    }

    /// <summary>Whether unseen or missing values give all-zero rows instead of an exception.</summary>
    public bool IgnoreUnknown { get; }

    /// <summary>The categories, in column order.</summary>
    public IReadOnlyList<string> Categories => categories.Classes;

    /// <summary>Learns the categories of <paramref name="values"/>, skipping missing values (null).</summary>
    public OneHotEncoder Fit(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        categories.Fit(values.Where(value => value is not null));
        fitted = true;
        return this;
    }

    /// <summary>An n × k matrix of 0/1, one row per value.</summary>
    public double[,] Transform(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!fitted)
            throw new InvalidOperationException("OneHotEncoder is not fitted: call Fit on the training values first.");
        var known = categories.Classes;
        var result = new double[values.Count, known.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value && categories.TryEncode(value, out int code))
                result[i, code] = 1;
            else if (!IgnoreUnknown)
                throw new ArgumentException(
                    $"values[{i}] = {(values[i] is null ? "null" : $"'{values[i]}'")} is not one of the fitted categories " +
                    $"({string.Join(", ", known)}); use ignoreUnknown: true to encode it as zeros.", nameof(values));
        }
        return result;
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform"/> on the same values.</summary>
    public double[,] FitTransform(IReadOnlyList<string?> values) => Fit(values).Transform(values);

    /// <summary>Column names "<paramref name="prefix"/>=category", e.g. "Island=Biscoe".</summary>
    public string[] FeatureNames(string prefix) => [.. Categories.Select(category => $"{prefix}={category}")];
}

namespace AiLab.Data;

/// <summary>
/// Maps category strings to integer codes 0..k−1 in ordinal order of the categories seen in training
/// (scikit-learn's <c>LabelEncoder</c>), e.g. penguin species → class labels.
/// </summary>
public sealed class LabelEncoder
{
    private string[]? classes;
    private Dictionary<string, int>? codes;

    /// <summary>The categories, in code order.</summary>
    public IReadOnlyList<string> Classes => classes ?? throw NotFitted();

    /// <summary>Learns the categories of <paramref name="values"/>; missing values (null) are not allowed.</summary>
    public LabelEncoder Fit(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string?[] all = [.. values];
        int missing = Array.IndexOf(all, null);
        if (missing >= 0)
            throw new ArgumentException($"values[{missing}] is missing (null); drop or impute missing values first.", nameof(values));
        classes = [.. all.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        codes = classes.Select((category, code) => (category, code)).ToDictionary(p => p.category, p => p.code, StringComparer.Ordinal);
        return this;
    }

    /// <summary>The code of each value; a value not seen in <see cref="Fit"/> throws, naming it.</summary>
    public int[] Transform(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lookup = codes ?? throw NotFitted();
        return [.. values.Select((value, i) => value is not null && lookup.TryGetValue(value, out int code)
            ? code
            : throw new ArgumentException(
                $"values[{i}] = {(value is null ? "null" : $"'{value}'")} is not one of the fitted categories " +
                $"({string.Join(", ", classes!)}).", nameof(values)))];
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform"/> on the same values.</summary>
    public int[] FitTransform(IEnumerable<string?> values)
    {
        string?[] all = [.. values];
        return Fit(all).Transform(all);
    }

    /// <summary>The category of each code.</summary>
    public string[] InverseTransform(IEnumerable<int> codesToDecode)
    {
        var names = classes ?? throw NotFitted();
        return [.. codesToDecode.Select(code => (uint)code < (uint)names.Length
            ? names[code]
            : throw new ArgumentOutOfRangeException(nameof(codesToDecode), code, $"Code {code} is outside 0..{names.Length - 1}."))];
    }

    /// <summary>The code of <paramref name="value"/>, if it is a fitted category.</summary>
    internal bool TryEncode(string value, out int code) => (codes ?? throw NotFitted()).TryGetValue(value, out code);

    private static InvalidOperationException NotFitted() =>
        new("LabelEncoder is not fitted: call Fit on the training values first.");
}

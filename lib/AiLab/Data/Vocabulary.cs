namespace AiLab.Data;

/// <summary>
/// A token ↔ index mapping built from training documents. Index 0 is <see cref="PadToken"/>, index 1 is
/// <see cref="UnknownToken"/>, then any extra special tokens, then the tokens seen at least
/// <c>minFrequency</c> times, most frequent first (ties in ordinal order). Tokens not in the vocabulary
/// map to <see cref="UnknownIndex"/>.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The padding token, always index 0.</summary>
    public const string PadToken = "<pad>";

    /// <summary>The unknown-token token, always index 1.</summary>
    public const string UnknownToken = "<unk>";

    private readonly string[] tokens;
    private readonly Dictionary<string, int> indices;
    private readonly Dictionary<string, int> frequencies;

    private Vocabulary(string[] tokens, Dictionary<string, int> frequencies)
    {
        this.tokens = tokens;
        this.frequencies = frequencies;
        indices = tokens.Select((token, index) => (token, index)).ToDictionary(p => p.token, p => p.index, StringComparer.Ordinal);
    }

    /// <summary>Index of <see cref="PadToken"/> (0).</summary>
    public int PadIndex => 0;

    /// <summary>Index of <see cref="UnknownToken"/> (1).</summary>
    public int UnknownIndex => 1;

    /// <summary>Number of entries, special tokens included.</summary>
    public int Count => tokens.Length;

    /// <summary>All entries in index order (torchtext's <c>get_itos()</c>).</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>
    /// Builds a vocabulary from tokenized training documents: tokens seen fewer than
    /// <paramref name="minFrequency"/> times are left out, and at most <paramref name="maxSize"/> entries
    /// (special tokens included) are kept. <paramref name="specials"/> are extra reserved tokens
    /// (e.g. "&lt;bos&gt;", "&lt;eos&gt;") placed after pad and unknown.
    /// </summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> documents, int minFrequency = 1, int? maxSize = null,
        IReadOnlyList<string>? specials = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFrequency, 1);
        string[] reserved = [PadToken, UnknownToken, .. specials ?? []];
        if (reserved.Distinct(StringComparer.Ordinal).Count() != reserved.Length)
            throw new ArgumentException($"Special tokens must be distinct: {string.Join(", ", reserved)}.", nameof(specials));
        if (maxSize is { } max && max < reserved.Length)
            throw new ArgumentOutOfRangeException(nameof(maxSize), max, $"maxSize must leave room for the {reserved.Length} special tokens.");

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (string token in document)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        var kept = counts
            .Where(pair => pair.Value >= minFrequency && !reserved.Contains(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        if (maxSize is { } limit)
            kept = kept.Take(limit - reserved.Length);
        return new Vocabulary([.. reserved, .. kept], counts);
    }

    /// <summary>The index of <paramref name="token"/>, or <see cref="UnknownIndex"/> if it is not in the vocabulary.</summary>
    public int this[string token] => indices.TryGetValue(token, out int index) ? index : UnknownIndex;

    /// <summary>Whether <paramref name="token"/> has its own entry.</summary>
    public bool Contains(string token) => indices.ContainsKey(token);

    /// <summary>The token at <paramref name="index"/>.</summary>
    public string Token(int index) =>
        (uint)index < (uint)tokens.Length
            ? tokens[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The vocabulary has indices 0..{tokens.Length - 1}.");

    /// <summary>How often <paramref name="token"/> occurred in the training documents (0 if never).</summary>
    public int Frequency(string token) => frequencies.GetValueOrDefault(token);

    /// <summary>The index of each token.</summary>
    public int[] Encode(IEnumerable<string> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Select(token => this[token])];
    }

    /// <summary>The token of each index; padding is left out when <paramref name="skipPadding"/>.</summary>
    public string[] Decode(IEnumerable<int> ids, bool skipPadding = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids.Where(id => !skipPadding || id != PadIndex).Select(Token)];
    }

    /// <summary>
    /// Encodes each document and pads them into one batch with <see cref="PadIndex"/>
    /// (see <see cref="Sequences.Pad"/>).
    /// </summary>
    public PaddedBatch EncodeBatch(IEnumerable<IEnumerable<string>> documents, int? maxLength = null,
        PadSide padding = PadSide.End, PadSide truncation = PadSide.End)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Sequences.Pad([.. documents.Select(Encode)], PadIndex, maxLength, padding, truncation);
    }
}

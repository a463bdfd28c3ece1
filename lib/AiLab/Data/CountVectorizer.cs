using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// Bag-of-words counts, as scikit-learn's <c>CountVectorizer</c>: <see cref="Fit"/> learns the vocabulary from the
/// training texts only, <see cref="Transform(IEnumerable{string})"/> counts each text's vocabulary terms (terms never
/// seen in training are ignored). Features are the terms in ordinal (alphabetical) order, as
/// <c>get_feature_names_out()</c>.
/// <list type="bullet">
/// <item>Tokens come from <see cref="Tokenizer"/>; the default <see cref="Tokenizer.ScikitLearn"/> is scikit-learn's
/// default <c>token_pattern</c> with <c>lowercase=True</c> (see it for the few differences from Python's regex). Any
/// other tokenizer, e.g. the library's <see cref="Tokenizer.Words"/>, may be passed.</item>
/// <item>Stop words are removed, then word n-grams of lengths <c>ngramRange</c> are formed (joined by a space).</item>
/// <item>Pruning, in scikit-learn's order: terms in more than <c>maxDf</c> or fewer than <c>minDf</c> training documents
/// are dropped; then, if <c>maxFeatures</c> is set, only that many terms with the largest total count in the training
/// texts are kept (ties broken alphabetically — NumPy's unstable argsort leaves scikit-learn's tie order unspecified).
/// The dropped terms are <see cref="StopWords"/> (scikit-learn's <c>stop_words_</c>).</item>
/// </list>
/// The library's <see cref="AiLab.Data.Vocabulary"/> is not used: it reserves padding/unknown indices and orders by
/// frequency, while a bag-of-words has neither and scikit-learn orders features alphabetically.
/// </summary>
public sealed class CountVectorizer
{
    private readonly HashSet<string> stopWordSet;
    private Dictionary<string, int>? vocabulary;
    private string[]? featureNames;
    private string[]? prunedTerms;

    /// <summary>Creates an unfitted vectorizer with scikit-learn's parameters (defaults as scikit-learn's).</summary>
    /// <param name="tokenizer">Splits a text into tokens; default <see cref="Tokenizer.ScikitLearn"/> (lower-cased).</param>
    /// <param name="ngramRange">Smallest and largest n-gram length, 1 ≤ min ≤ max; default (1, 1), single words.</param>
    /// <param name="minDf">Keep terms in at least this many (int) or this proportion (double) of training documents; default 1.</param>
    /// <param name="maxDf">Keep terms in at most this many (int) or this proportion (double) of training documents; default 1.0.</param>
    /// <param name="maxFeatures">Keep at most this many terms, the most frequent over the training texts; default all.</param>
    /// <param name="binary">Record presence (1) instead of counts.</param>
    /// <param name="stopWords">Tokens removed before n-grams are formed (compared after the tokenizer's lower-casing); default none.</param>
    public CountVectorizer(Tokenizer? tokenizer = null, (int Min, int Max)? ngramRange = null, DocumentFrequency? minDf = null,
        DocumentFrequency? maxDf = null, int? maxFeatures = null, bool binary = false, IEnumerable<string>? stopWords = null)
    {
        var (minN, maxN) = ngramRange ?? (1, 1);
        if (minN < 1 || maxN < minN)
            throw new ArgumentOutOfRangeException(nameof(ngramRange), ngramRange, "ngramRange must satisfy 1 ≤ Min ≤ Max.");
        if (maxFeatures is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxFeatures), maxFeatures, "maxFeatures must be ≥ 1 (or null for all terms).");
        Tokenizer = tokenizer ?? Tokenizer.ScikitLearn();
        NgramRange = (minN, maxN);
        MinDf = minDf ?? 1;
        MaxDf = maxDf ?? 1.0;
        MaxFeatures = maxFeatures;
        Binary = binary;
        stopWordSet = new HashSet<string>(stopWords ?? [], StringComparer.Ordinal);
    }

    /// <summary>The tokenizer.</summary>
    public Tokenizer Tokenizer { get; }

    /// <summary>Smallest and largest n-gram length.</summary>
    public (int Min, int Max) NgramRange { get; }

    /// <summary>Lower document-frequency bound.</summary>
    public DocumentFrequency MinDf { get; }

    /// <summary>Upper document-frequency bound.</summary>
    public DocumentFrequency MaxDf { get; }

    /// <summary>Most terms kept, or null for all.</summary>
    public int? MaxFeatures { get; }

    /// <summary>Whether counts are replaced by presence (0/1).</summary>
    public bool Binary { get; }

    /// <summary>Whether <see cref="Fit"/> has been called.</summary>
    public bool IsFitted => vocabulary is not null;

    /// <summary>Term → feature index (scikit-learn's <c>vocabulary_</c>).</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => Fitted().vocabulary;

    /// <summary>The terms in feature order, ordinal (alphabetical) (scikit-learn's <c>get_feature_names_out()</c>).</summary>
    public IReadOnlyList<string> FeatureNames => Fitted().names;

    /// <summary>Number of features (vocabulary size).</summary>
    public int FeatureCount => Fitted().names.Length;

    /// <summary>
    /// Terms of the training texts that pruning (minDf, maxDf, maxFeatures) dropped, in ordinal order (scikit-learn's
    /// <c>stop_words_</c>; not the <c>stopWords</c> argument).
    /// </summary>
    public IReadOnlyList<string> StopWords => Fitted().pruned;

    /// <summary>The terms (n-grams) of one text, in order, before the vocabulary is applied.</summary>
    public string[] Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] tokens = stopWordSet.Count == 0 ? Tokenizer.Tokenize(text) : [.. Tokenizer.Tokenize(text).Where(t => !stopWordSet.Contains(t))];
        var (minN, maxN) = NgramRange;
        if (minN == 1 && maxN == 1)
            return tokens;
        var terms = new List<string>();
        for (int n = minN; n <= Math.Min(maxN, tokens.Length); n++)
            for (int i = 0; i + n <= tokens.Length; i++)
                terms.Add(n == 1 ? tokens[i] : string.Join(' ', tokens, i, n));
        return [.. terms];
    }

    /// <summary>Learns the vocabulary from the training texts (and only from them).</summary>
    /// <param name="texts">The training texts.</param>
    public CountVectorizer Fit(IEnumerable<string> texts)
    {
        FitCounts(texts);
        return this;
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform(IEnumerable{string})"/> on the same texts.</summary>
    /// <param name="texts">The training texts.</param>
    public double[,] FitTransform(IEnumerable<string> texts) => SparseRows.ToDense(FitCounts(texts), FeatureCount);

    /// <summary>Term counts (or presence when <see cref="Binary"/>), one row per text, one column per feature.</summary>
    /// <param name="texts">Texts to vectorize with the fitted vocabulary.</param>
    public double[,] Transform(IEnumerable<string> texts) => SparseRows.ToDense(TransformSparse(texts), FeatureCount);

    /// <summary>As <see cref="Transform(IEnumerable{string})"/>, as a float32 tensor of shape [texts, features].</summary>
    /// <param name="texts">Texts to vectorize with the fitted vocabulary.</param>
    public Tensor TransformTensor(IEnumerable<string> texts) => SparseRows.ToTensor(TransformSparse(texts), FeatureCount);

    /// <summary>Counts of the fitted vocabulary's terms in each text, row by row (non-zero entries only, columns ascending).</summary>
    internal SparseRow[] TransformSparse(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var terms = Fitted().vocabulary;
        return [.. texts.Select((text, i) => Count(text ?? throw new ArgumentException($"text {i} is null.", nameof(texts)), terms))];
    }

    /// <summary>Fits and returns the training texts' rows.</summary>
    internal SparseRow[] FitCounts(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[] documents = [.. texts];
        for (int i = 0; i < documents.Length; i++)
            if (documents[i] is null)
                throw new ArgumentException($"text {i} is null.", nameof(texts));
        var perDocument = new Dictionary<string, int>[documents.Length];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var totalCount = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int d = 0; d < documents.Length; d++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string term in Analyze(documents[d]))
                counts[term] = counts.GetValueOrDefault(term) + 1;
            foreach (var (term, count) in counts)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
                totalCount[term] = totalCount.GetValueOrDefault(term) + (Binary ? 1 : count);
            }
            perDocument[d] = counts;
        }
        if (documentFrequency.Count == 0)
            throw new ArgumentException("empty vocabulary: the training texts have no tokens (perhaps only stop words or one-letter words).", nameof(texts));

        double high = MaxDf.For(documents.Length), low = MinDf.For(documents.Length);
        if (high < low)
            throw new ArgumentException($"maxDf ({MaxDf}) corresponds to fewer documents than minDf ({MinDf}) for {documents.Length} texts.", nameof(texts));
        string[] sorted = [.. documentFrequency.Keys.Order(StringComparer.Ordinal)];
        IEnumerable<string> kept = sorted.Where(t => documentFrequency[t] <= high && documentFrequency[t] >= low);
        if (MaxFeatures is { } limit)
            kept = kept.OrderByDescending(t => totalCount[t]).Take(limit); // stable: ties stay alphabetical
        string[] names = [.. kept.Order(StringComparer.Ordinal)];
        if (names.Length == 0)
            throw new ArgumentException($"after pruning (minDf {MinDf}, maxDf {MaxDf}) no terms remain; try a lower minDf or a higher maxDf.", nameof(texts));

        var keptSet = names.ToHashSet(StringComparer.Ordinal);
        prunedTerms = [.. sorted.Where(t => !keptSet.Contains(t))];
        featureNames = names;
        vocabulary = names.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        return [.. perDocument.Select(counts => FromCounts(counts, vocabulary))];
    }

    private SparseRow Count(string text, Dictionary<string, int> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string term in Analyze(text))
            if (terms.ContainsKey(term))
                counts[term] = counts.GetValueOrDefault(term) + 1;
        return FromCounts(counts, terms);
    }

    private SparseRow FromCounts(Dictionary<string, int> counts, Dictionary<string, int> terms)
    {
        var entries = counts.Where(p => terms.ContainsKey(p.Key)).Select(p => (Column: terms[p.Key], Value: Binary ? 1.0 : p.Value))
            .OrderBy(e => e.Column).ToArray();
        return new SparseRow([.. entries.Select(e => e.Column)], [.. entries.Select(e => e.Value)]);
    }

    private (Dictionary<string, int> vocabulary, string[] names, string[] pruned) Fitted() =>
        vocabulary is null
            ? throw new InvalidOperationException("This CountVectorizer is not fitted yet: call Fit on the training texts first.")
            : (vocabulary, featureNames!, prunedTerms!);
}

using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>Row normalization of <see cref="TfidfVectorizer"/> (scikit-learn's <c>norm</c>).</summary>
public enum TfidfNorm
{
    /// <summary>No normalization (<c>norm=None</c>).</summary>
    None,

    /// <summary>Each row divided by the sum of its absolute values (<c>norm="l1"</c>).</summary>
    L1,

    /// <summary>Each row divided by its Euclidean length (<c>norm="l2"</c>, the default); cosine similarity is then a dot product.</summary>
    L2,
}

/// <summary>
/// TF-IDF features, as scikit-learn's <c>TfidfVectorizer</c> (a <see cref="CountVectorizer"/> followed by
/// <c>TfidfTransformer</c>). <see cref="Fit"/> learns the vocabulary and the inverse document frequencies from the
/// training texts only; each entry of <see cref="Transform(IEnumerable{string})"/> is tf × idf of a term in a text, then
/// each row is normalized.
/// <list type="bullet">
/// <item>tf is the term's count in the text, or 1 + ln(count) when <c>sublinearTf</c> (0 stays 0).</item>
/// <item>idf(t) = ln((1 + n) / (1 + df(t))) + 1 when <c>smoothIdf</c> (the default: as if one extra document held every
/// term once), else ln(n / df(t)) + 1, for n training documents of which df(t) contain t. The "+ 1" keeps terms found in
/// every document (idf 1) instead of zeroing them.</item>
/// <item>Rows are then scaled to unit L2 length (default), unit L1 length, or left as they are; an empty row stays zero.</item>
/// </list>
/// </summary>
public sealed class TfidfVectorizer
{
    private double[]? idf;

    /// <summary>Creates an unfitted vectorizer with scikit-learn's parameters (defaults as scikit-learn's).</summary>
    /// <param name="tokenizer">Splits a text into tokens; default <see cref="Tokenizer.ScikitLearn"/> (lower-cased).</param>
    /// <param name="ngramRange">Smallest and largest n-gram length; default (1, 1).</param>
    /// <param name="minDf">Keep terms in at least this many (int) or this proportion (double) of training documents; default 1.</param>
    /// <param name="maxDf">Keep terms in at most this many (int) or this proportion (double) of training documents; default 1.0.</param>
    /// <param name="maxFeatures">Keep at most this many terms, the most frequent over the training texts; default all.</param>
    /// <param name="binary">tf is presence (0/1) instead of the count.</param>
    /// <param name="stopWords">Tokens removed before n-grams are formed; default none.</param>
    /// <param name="norm">Row normalization; default L2.</param>
    /// <param name="useIdf">Multiply by idf; when false the features are (normalized) tf only.</param>
    /// <param name="smoothIdf">Add one to the document counts (n and df) in the idf.</param>
    /// <param name="sublinearTf">tf = 1 + ln(count) instead of the count.</param>
    public TfidfVectorizer(Tokenizer? tokenizer = null, (int Min, int Max)? ngramRange = null, DocumentFrequency? minDf = null,
        DocumentFrequency? maxDf = null, int? maxFeatures = null, bool binary = false, IEnumerable<string>? stopWords = null,
        TfidfNorm norm = TfidfNorm.L2, bool useIdf = true, bool smoothIdf = true, bool sublinearTf = false)
    {
        if (!Enum.IsDefined(norm))
            throw new ArgumentOutOfRangeException(nameof(norm), norm, "norm must be None, L1 or L2.");
        Counts = new CountVectorizer(tokenizer, ngramRange, minDf, maxDf, maxFeatures, binary, stopWords);
        Norm = norm;
        UseIdf = useIdf;
        SmoothIdf = smoothIdf;
        SublinearTf = sublinearTf;
    }

    /// <summary>The underlying counts (tokenizer, vocabulary, pruning).</summary>
    public CountVectorizer Counts { get; }

    /// <summary>Row normalization.</summary>
    public TfidfNorm Norm { get; }

    /// <summary>Whether tf is multiplied by idf.</summary>
    public bool UseIdf { get; }

    /// <summary>Whether the idf adds one to the document counts.</summary>
    public bool SmoothIdf { get; }

    /// <summary>Whether tf is 1 + ln(count).</summary>
    public bool SublinearTf { get; }

    /// <summary>Whether <see cref="Fit"/> has been called.</summary>
    public bool IsFitted => idf is not null;

    /// <summary>Term → feature index (scikit-learn's <c>vocabulary_</c>).</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => Counts.Vocabulary;

    /// <summary>The terms in feature order (scikit-learn's <c>get_feature_names_out()</c>).</summary>
    public IReadOnlyList<string> FeatureNames => Counts.FeatureNames;

    /// <summary>Number of features.</summary>
    public int FeatureCount => Counts.FeatureCount;

    /// <summary>Terms dropped by pruning (scikit-learn's <c>stop_words_</c>).</summary>
    public IReadOnlyList<string> StopWords => Counts.StopWords;

    /// <summary>
    /// The idf of each feature, learned from the training texts (scikit-learn's <c>idf_</c>); all ones when not
    /// <see cref="UseIdf"/> (where scikit-learn has no <c>idf_</c>).
    /// </summary>
    public IReadOnlyList<double> Idf => idf ?? throw NotFitted();

    /// <summary>Learns the vocabulary and the idf from the training texts (and only from them).</summary>
    /// <param name="texts">The training texts.</param>
    public TfidfVectorizer Fit(IEnumerable<string> texts)
    {
        FitRows(texts);
        return this;
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform(IEnumerable{string})"/> on the same texts.</summary>
    /// <param name="texts">The training texts.</param>
    public double[,] FitTransform(IEnumerable<string> texts) => SparseRows.ToDense(FitRows(texts), FeatureCount);

    /// <summary>TF-IDF features, one row per text, one column per feature.</summary>
    /// <param name="texts">Texts to vectorize with the fitted vocabulary and idf.</param>
    public double[,] Transform(IEnumerable<string> texts) => SparseRows.ToDense(TransformSparse(texts), FeatureCount);

    /// <summary>As <see cref="Transform(IEnumerable{string})"/>, as a float32 tensor of shape [texts, features].</summary>
    /// <param name="texts">Texts to vectorize with the fitted vocabulary and idf.</param>
    public Tensor TransformTensor(IEnumerable<string> texts) => SparseRows.ToTensor(TransformSparse(texts), FeatureCount);

    private SparseRow[] TransformSparse(IEnumerable<string> texts)
    {
        if (idf is null)
            throw NotFitted();
        return [.. Counts.TransformSparse(texts).Select(Weigh)];
    }

    private SparseRow[] FitRows(IEnumerable<string> texts)
    {
        SparseRow[] counts = Counts.FitCounts(texts);
        var documentFrequency = new int[Counts.FeatureCount];
        foreach (var row in counts)
            foreach (int column in row.Columns)
                documentFrequency[column]++;
        int smooth = SmoothIdf ? 1 : 0;
        double documents = counts.Length + smooth;
        idf = [.. documentFrequency.Select(df => UseIdf ? Math.Log(documents / (df + smooth)) + 1 : 1.0)];
        return [.. counts.Select(Weigh)];
    }

    private SparseRow Weigh(SparseRow counts)
    {
        double[] values = new double[counts.Values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            double tf = SublinearTf ? Math.Log(counts.Values[k]) + 1 : counts.Values[k];
            values[k] = UseIdf ? tf * idf![counts.Columns[k]] : tf;
        }
        double scale = Norm switch
        {
            TfidfNorm.L2 => Math.Sqrt(values.Sum(v => v * v)),
            TfidfNorm.L1 => values.Sum(Math.Abs),
            _ => 1,
        };
        if (scale > 0 && Norm != TfidfNorm.None)
            for (int k = 0; k < values.Length; k++)
                values[k] /= scale;
        return new SparseRow(counts.Columns, values);
    }

    private static InvalidOperationException NotFitted() =>
        new("This TfidfVectorizer is not fitted yet: call Fit on the training texts first.");
}

using System.Text.Json;
using AiLab.Data;
using static AiLab.Tests.Data.TextFixtures;

namespace AiLab.Tests.Data;

/// <summary>CountVectorizer and TfidfVectorizer against scikit-learn 1.2.1 (Fixtures/make_text_fixtures.py).</summary>
public sealed class VectorizerTests
{
    public static TheoryData<string> CountCases => Names("count");

    public static TheoryData<string> TfidfCases => Names("tfidf");

    private static Tokenizer TokenizerOf(JsonElement p) => Tokenizer.ScikitLearn(Flag(p, "lowercase", true));

    private static CountVectorizer CountOf(JsonElement p) => new(TokenizerOf(p), NgramRange(p), Df(p, "min_df"), Df(p, "max_df"),
        OptionalInt(p, "max_features"), Flag(p, "binary", false));

    private static TfidfVectorizer TfidfOf(JsonElement p) => new(TokenizerOf(p), NgramRange(p), Df(p, "min_df"), Df(p, "max_df"),
        OptionalInt(p, "max_features"), Flag(p, "binary", false),
        norm: !p.TryGetProperty("norm", out var n) ? TfidfNorm.L2 : n.ValueKind == JsonValueKind.Null ? TfidfNorm.None
            : n.GetString() == "l1" ? TfidfNorm.L1 : TfidfNorm.L2,
        useIdf: Flag(p, "use_idf", true), smoothIdf: Flag(p, "smooth_idf", true), sublinearTf: Flag(p, "sublinear_tf", false));

    private static void AssertVocabulary(JsonElement c, IReadOnlyList<string> featureNames, IReadOnlyList<string> stopWords, string name)
    {
        Assert.Equal(Strings(c.GetProperty("feature_names")), featureNames);
        Assert.Equal(c.GetProperty("stop_word_count").GetInt32(), stopWords.Count);
        if (c.GetProperty("stop_words").ValueKind == JsonValueKind.Array)
            Assert.Equal(Strings(c.GetProperty("stop_words")), stopWords);
        Assert.True(featureNames.Count > 0, name);
    }

    [Theory]
    [MemberData(nameof(CountCases))]
    public void CountVectorizer_MatchesSklearn(string name)
    {
        var c = Case("count", name);
        var (train, test) = Texts(c);
        var vectorizer = CountOf(c.GetProperty("params"));

        double[,] trainCounts = vectorizer.FitTransform(train);
        double[,] testCounts = vectorizer.Transform(test);

        AssertVocabulary(c, vectorizer.FeatureNames, vectorizer.StopWords, name);
        MatrixEqual(Dense(c.GetProperty("train")), trainCounts, 0, $"{name} train");
        MatrixEqual(Dense(c.GetProperty("test")), testCounts, 0, $"{name} test");
        for (int j = 0; j < vectorizer.FeatureCount; j++)
            Assert.Equal(j, vectorizer.Vocabulary[vectorizer.FeatureNames[j]]);
    }

    [Theory]
    [MemberData(nameof(TfidfCases))]
    public void TfidfVectorizer_MatchesSklearn(string name)
    {
        var c = Case("tfidf", name);
        var (train, test) = Texts(c);
        var vectorizer = TfidfOf(c.GetProperty("params"));

        double[,] trainFeatures = vectorizer.FitTransform(train);
        double[,] testFeatures = vectorizer.Transform(test);

        AssertVocabulary(c, vectorizer.FeatureNames, vectorizer.StopWords, name);
        if (c.GetProperty("idf").ValueKind == JsonValueKind.Array)
        {
            double[] expectedIdf = [.. c.GetProperty("idf").EnumerateArray().Select(x => x.GetDouble())];
            for (int j = 0; j < expectedIdf.Length; j++)
                Assert.True(Math.Abs(expectedIdf[j] - vectorizer.Idf[j]) <= 1e-13, $"{name} idf[{j}]: {expectedIdf[j]:R} vs {vectorizer.Idf[j]:R}");
        }
        MatrixEqual(Dense(c.GetProperty("train")), trainFeatures, 1e-13, $"{name} train");
        MatrixEqual(Dense(c.GetProperty("test")), testFeatures, 1e-13, $"{name} test");
    }

    [Fact]
    public void TransformTensor_IsTheDenseMatrixInFloat32()
    {
        var c = Case("tfidf", "small_defaults");
        var (train, test) = Texts(c);
        var vectorizer = new TfidfVectorizer().Fit(train);

        using var features = vectorizer.TransformTensor(test);

        Assert.Equal(TorchSharp.torch.ScalarType.Float32, features.dtype);
        Assert.Equal([test.Length, vectorizer.FeatureCount], features.shape.Select(d => (int)d));
        double[,] expected = Dense(c.GetProperty("test"));
        float[] actual = features.data<float>().ToArray();
        for (int i = 0; i < test.Length; i++)
            for (int j = 0; j < vectorizer.FeatureCount; j++)
                Assert.Equal((float)expected[i, j], actual[i * vectorizer.FeatureCount + j]);
        var countVectorizer = new CountVectorizer().Fit(train);
        using var counts = countVectorizer.TransformTensor(["the cat the"]);
        using var theCount = counts[0, countVectorizer.Vocabulary["the"]];
        Assert.Equal(2f, theCount.item<float>());
    }

    [Fact]
    public void Fit_LearnsVocabularyFromTrainingTextsOnly()
    {
        var vectorizer = new CountVectorizer().Fit(["red apple", "green apple"]);

        double[,] row = vectorizer.Transform(["purple banana", "apple APPLE pear"]);

        Assert.Equal(["apple", "green", "red"], vectorizer.FeatureNames);
        Assert.False(vectorizer.Vocabulary.ContainsKey("banana"));
        Assert.Equal(new double[,] { { 0, 0, 0 }, { 2, 0, 0 } }, row);
        // Refitting on other texts replaces the vocabulary rather than extending it.
        vectorizer.Fit(["pear"]);
        Assert.Equal(["pear"], vectorizer.FeatureNames);
    }

    [Fact]
    public void Tfidf_HandComputedIdfAndL2Rows()
    {
        // 2 documents; "aa" in both: idf = ln(3/3) + 1 = 1; "bb" in one: idf = ln(3/2) + 1.
        var vectorizer = new TfidfVectorizer();
        double[,] x = vectorizer.FitTransform(["aa bb bb", "aa"]);

        double idfB = Math.Log(1.5) + 1;
        Assert.Equal([1.0, idfB], vectorizer.Idf);
        double norm = Math.Sqrt(1 + 4 * idfB * idfB);
        Assert.Equal(1 / norm, x[0, 0], 15);
        Assert.Equal(2 * idfB / norm, x[0, 1], 15);
        Assert.Equal(1.0, x[1, 0], 15);
        Assert.Equal(0.0, x[1, 1]);
    }

    [Fact]
    public void ScikitLearnTokenizer_DiffersFromWordsAsDocumented()
    {
        const string text = "Don't a_b x² I 2 e\u0301t";
        Assert.Equal(["don", "a_b", "x²"], Tokenizer.ScikitLearn().Tokenize(text));
        Assert.Equal(["don't", "a", "b", "x", "i", "2", "e\u0301t"], Tokenizer.Words().Tokenize(text));
        Assert.Equal(["Don", "a_b"], Tokenizer.ScikitLearn(lowercase: false).Tokenize("Don't a_b"));
    }

    [Fact]
    public void CountVectorizer_AcceptsTheLibrarysWordTokenizerAndStopWords()
    {
        var vectorizer = new CountVectorizer(Tokenizer.Words(), stopWords: ["the"]).Fit(["Don't feed the cat", "a cat"]);

        Assert.Equal(["a", "cat", "don't", "feed"], vectorizer.FeatureNames);
        Assert.Equal(["feed", "cat"], vectorizer.Analyze("feed the cat"));
        Assert.Equal(["aa", "bb", "aa bb"], new CountVectorizer(ngramRange: (1, 2)).Analyze("aa bb"));
        Assert.Equal(["aa bb"], new CountVectorizer(ngramRange: (2, 3)).Analyze("aa bb"));
        Assert.Equal([@"a1", @"b2"], new CountVectorizer(Tokenizer.Pattern(@"[a-z]\d")).Fit(["A1 b2 cc"]).FeatureNames);
    }

    [Fact]
    public void DocumentFrequency_IntIsACountAndDoubleAProportion()
    {
        DocumentFrequency count = 1, proportion = 1.0;
        Assert.Equal(1, count.Count);
        Assert.Null(count.Proportion);
        Assert.Equal(1.0, proportion.Proportion);
        Assert.Equal(1.0, count.For(10));
        Assert.Equal(10.0, proportion.For(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Fraction(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Documents(-1));
    }

    [Fact]
    public void BadInput_ClearExceptions()
    {
        var unfitted = new CountVectorizer();
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => unfitted.Transform(["a b"])).Message);
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => new TfidfVectorizer().Idf).Message);
        Assert.Equal("texts", Assert.Throws<ArgumentException>(() => new CountVectorizer(minDf: 3, maxDf: 2).Fit(["aa", "aa", "aa"])).ParamName);
        Assert.Contains("no terms remain", Assert.Throws<ArgumentException>(() => new CountVectorizer(minDf: 2).Fit(["aa bb", "cc"])).Message);
        Assert.Contains("empty vocabulary", Assert.Throws<ArgumentException>(() => new CountVectorizer().Fit(["a b c", ""])).Message);
        Assert.Equal("ngramRange", Assert.Throws<ArgumentOutOfRangeException>(() => new CountVectorizer(ngramRange: (2, 1))).ParamName);
        Assert.Equal("maxFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfVectorizer(maxFeatures: 0)).ParamName);
        Assert.Equal("texts", Assert.Throws<ArgumentException>(() => new CountVectorizer().Fit(["aa", null!])).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => Tokenizer.Pattern("(")).ParamName);
    }
}

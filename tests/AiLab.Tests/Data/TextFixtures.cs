using System.Text.Json;
using AiLab.Data;

namespace AiLab.Tests.Data;

/// <summary>
/// Reads Fixtures/text_fixtures.json, written by Fixtures/make_text_fixtures.py with scikit-learn 1.2.1: CountVectorizer,
/// TfidfVectorizer and TimeSeriesSplit answers. Found next to this source file, so no copy step is needed.
/// </summary>
internal static class TextFixtures
{
    private static readonly Lazy<JsonDocument> Document = new(() => FixtureFiles.Json("text_fixtures.json"));

    private static readonly Lazy<string[]> Spam = new(() => Datasets.SpamAssassin().Texts);

    public static JsonElement Section(string name) => Document.Value.RootElement.GetProperty(name);

    public static JsonElement Case(string section, string name) =>
        NamedCases.Case(Section(section), name);

    public static TheoryData<string> Names(string section) => NamedCases.Names(Section(section));

    /// <summary>The case's training and test texts: inline, or a [start, end) slice of the spam corpus.</summary>
    public static (string[] Train, string[] Test) Texts(JsonElement c) =>
        c.TryGetProperty("train_texts", out var train)
            ? (Strings(train), Strings(c.GetProperty("test_texts")))
            : (Slice(c.GetProperty("spam_train")), Slice(c.GetProperty("spam_test")));

    private static string[] Slice(JsonElement range)
    {
        int start = range[0].GetInt32(), end = range[1].GetInt32();
        return Spam.Value[start..end];
    }

    public static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];

    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];

    /// <summary>A stored (shape, rows, cols, values) triplet matrix, dense.</summary>
    public static double[,] Dense(JsonElement e)
    {
        int[] shape = Ints(e.GetProperty("shape")), rows = Ints(e.GetProperty("rows")), cols = Ints(e.GetProperty("cols"));
        double[] values = [.. e.GetProperty("values").EnumerateArray().Select(x => x.GetDouble())];
        var m = new double[shape[0], shape[1]];
        for (int k = 0; k < values.Length; k++)
            m[rows[k], cols[k]] = values[k];
        return m;
    }

    /// <summary>A Python int (no decimal point in the JSON) is a count of documents, a float a proportion.</summary>
    public static DocumentFrequency? Df(JsonElement p, string name) =>
        !p.TryGetProperty(name, out var v) ? null
        : v.GetRawText().Contains('.') ? DocumentFrequency.Fraction(v.GetDouble()) : DocumentFrequency.Documents(v.GetInt32());

    public static (int, int)? NgramRange(JsonElement p) =>
        p.TryGetProperty("ngram_range", out var r) ? (r[0].GetInt32(), r[1].GetInt32()) : null;

    public static bool Flag(JsonElement p, string name, bool fallback) =>
        p.TryGetProperty(name, out var v) ? v.GetBoolean() : fallback;

    public static int? OptionalInt(JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt32() : null;

    public static void MatrixEqual(double[,] expected, double[,] actual, double tolerance, string what)
    {
        Assert.True(expected.GetLength(0) == actual.GetLength(0) && expected.GetLength(1) == actual.GetLength(1),
            $"{what}: expected {expected.GetLength(0)}×{expected.GetLength(1)}, got {actual.GetLength(0)}×{actual.GetLength(1)}.");
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= tolerance,
                    $"{what}[{i},{j}]: expected {expected[i, j]:R}, got {actual[i, j]:R} (tolerance {tolerance:E1}).");
    }
}

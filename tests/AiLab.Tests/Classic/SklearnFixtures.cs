using System.Text.Json;

namespace AiLab.Tests.Classic;

/// <summary>
/// Reads Fixtures/sklearn_fixtures.json (written by Fixtures/make_sklearn_fixtures.py with scikit-learn 1.2.1) and
/// Fixtures/ensemble_fixtures.json and Fixtures/agglomerative_fixtures.json (make_ensemble_fixtures.py,
/// make_agglomerative_fixtures.py). The files are found next to this source file,
/// so no copy step is needed.
/// </summary>
internal static class SklearnFixtures
{
    private static readonly Lazy<JsonDocument> Document = new(() => FixtureFiles.Json("sklearn_fixtures.json"));
    private static readonly Lazy<JsonDocument> Ensembles = new(() => FixtureFiles.Json("ensemble_fixtures.json"));
    private static readonly Lazy<JsonDocument> Agglomeratives = new(() => FixtureFiles.Json("agglomerative_fixtures.json"));

    public static JsonElement Get(string name) => Document.Value.RootElement.GetProperty(name);

    public static JsonElement Ensemble(string name) => Ensembles.Value.RootElement.GetProperty(name);

    public static JsonElement Agglomerative => Agglomeratives.Value.RootElement;

    public static double[,] Matrix(this JsonElement e, string name)
    {
        var rows = e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(ToDouble).ToArray()).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    public static double[] Vector(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(ToDouble).ToArray();

    public static int[] Ints(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    // JSON null stands for NaN (a missing value).
    private static double ToDouble(JsonElement v) => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
}

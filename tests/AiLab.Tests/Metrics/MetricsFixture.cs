using System.Text.Json;

namespace AiLab.Tests.Metrics;

/// <summary>
/// Expected values computed by scikit-learn / SciPy / NumPy (Fixtures/make_fixtures.py → Fixtures/metrics.json, and
/// Fixtures/make_robust_multilabel_fixtures.py → Fixtures/robust_multilabel.json; a section is looked up in both).
/// The JSON is found by walking up from the test binaries to the repository, so no copy step is needed.
/// </summary>
internal static class MetricsFixture
{
    private const string Folder = "tests/AiLab.Tests/Metrics/Fixtures";

    private static readonly Lazy<JsonElement> Root = new(() => Load("metrics.json"));
    private static readonly Lazy<JsonElement> RobustMultilabel = new(() => Load("robust_multilabel.json"));

    public static JsonElement Section(string name) =>
        Root.Value.TryGetProperty(name, out var section) ? section : RobustMultilabel.Value.GetProperty(name);

    /// <summary>The case of a section (an array of objects with "name") with that name.</summary>
    public static JsonElement Case(string section, string name) =>
        NamedCases.Case(Section(section), name);

    public static TheoryData<string> Names(string section) => NamedCases.Names(Section(section));

    public static double Double(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new FormatException($"not a number: {s}"),
        },
        _ => throw new FormatException($"not a number: {e}"),
    };

    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(Double)];

    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];

    public static bool[] Bools(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32() != 0)];

    public static double[,] Matrix(JsonElement e) => Grid(e, Doubles);

    public static int[,] IntMatrix(JsonElement e) => Grid(e, Ints);

    private static T[,] Grid<T>(JsonElement e, Func<JsonElement, T[]> row)
    {
        var rows = e.EnumerateArray().Select(row).ToArray();
        var m = new T[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++)
                m[i, j] = rows[i][j];
        return m;
    }

    /// <summary>True when the Python side raised for this input ({"error": message}).</summary>
    public static bool IsError(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("error", out _);

    private static JsonElement Load(string file)
    {
        string relativePath = Path.Combine(Folder, file);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
                return JsonDocument.Parse(File.ReadAllText(candidate)).RootElement;
        }
        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}; run the make_*fixtures.py next to it.");
    }
}

/// <summary>Tolerance asserts that treat NaN as equal to NaN and report the index that differs.</summary>
internal static class Close
{
    /// <summary>|actual − expected| ≤ tolerance · max(1, |expected|).</summary>
    public static void Equal(double expected, double actual, double tolerance, string what = "value")
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
            return;
        if (expected == actual)
            return;
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E3}, allowed {allowed:E3}).");
    }

    public static void Equal(double[] expected, double[] actual, double tolerance, string what = "array")
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} elements, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
            Equal(expected[i], actual[i], tolerance, $"{what}[{i}]");
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace AiLab.Tests.Charts;

/// <summary>Files next to these tests: fixtures (oracle outputs) and golden JSON.</summary>
internal static class ChartTestFiles
{
    /// <summary>Set to 1 to rewrite golden files from the current output (then review the diff).</summary>
    public const string UpdateVariable = "AILAB_UPDATE_GOLDEN";

    public static string Directory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(thisFile) is { } folder && System.IO.Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"The chart test sources are not at {thisFile}; run the tests from a checkout.");

    public static string Fixture(string name) => Path.Combine(Directory(), "Fixtures", name);

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file <c>Golden/&lt;name&gt;.json</c> (parsed, so formatting
    /// does not matter). With AILAB_UPDATE_GOLDEN=1 the file is rewritten instead.
    /// </summary>
    public static void AssertGolden(string name, JsonNode actual)
    {
        var path = Path.Combine(Directory(), "Golden", name + ".json");
        var text = actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }
        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with {UpdateVariable}=1 and review it.");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(text)),
            $"{name} differs from its golden file {path}.\nActual:\n{text}");
    }
}

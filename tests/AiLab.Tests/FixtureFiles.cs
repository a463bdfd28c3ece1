using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AiLab.Tests;

/// <summary>
/// The fixtures the make_*.py scripts write live in a Fixtures folder beside the tests that read them, found through the
/// calling source file's path, so no copy step is needed.
/// </summary>
internal static class FixtureFiles
{
    /// <summary>The path of <paramref name="file"/> in the Fixtures folder beside the calling source file.</summary>
    public static string PathOf(string file, [CallerFilePath] string callerSource = "") =>
        Path.Combine(Path.GetDirectoryName(callerSource)!, "Fixtures", file);

    /// <summary>The parsed JSON of <paramref name="file"/> in the Fixtures folder beside the calling source file.</summary>
    public static JsonDocument Json(string file, [CallerFilePath] string callerSource = "") =>
        JsonDocument.Parse(File.ReadAllText(PathOf(file, callerSource)));
}

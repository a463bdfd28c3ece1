using System.Text.Json;

namespace AiLab.Tests;

/// <summary>
/// Fixture sections written by the make_*.py scripts are arrays of cases, each an object with a "name": the names feed
/// an xunit Theory, and each test looks its case up by name.
/// </summary>
internal static class NamedCases
{
    /// <summary>The names of a section's cases, as Theory data.</summary>
    public static TheoryData<string> Names(JsonElement section)
    {
        var data = new TheoryData<string>();
        foreach (var c in section.EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>The section's case with that name.</summary>
    public static JsonElement Case(JsonElement section, string name) =>
        section.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}

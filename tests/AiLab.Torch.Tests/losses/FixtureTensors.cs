using System.Globalization;
using System.Text.Json;

namespace AiLab.Torch.Tests.losses;

/// <summary>Builds tensors from fixture entries {shape, dtype, values} written by the Python fixture scripts.</summary>
internal static class FixtureTensors
{
    /// <summary>The cases of Fixtures/losses.json (written by Fixtures/losses.py).</summary>
    internal static JsonElement LossCases { get; } = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "losses.json"))).RootElement.GetProperty("cases");

    internal static Tensor From(JsonElement entry)
    {
        var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var values = entry.GetProperty("values").EnumerateArray().ToArray();
        return entry.GetProperty("dtype").GetString() switch
        {
            "float32" => tensor(values.Select(v => (float)Number(v)).ToArray(), shape),
            "float64" => tensor(values.Select(Number).ToArray(), shape),
            "int64" => tensor(values.Select(v => v.GetInt64()).ToArray(), shape),
            var dtype => throw new InvalidDataException($"fixture dtype {dtype} is not handled"),
        };
    }

    // Python's json writes non-finite floats as the strings "nan", "inf", "-inf".
    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        }
        : e.GetDouble();
}

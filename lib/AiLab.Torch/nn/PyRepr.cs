using System.Globalization;

namespace AiLab.Torch;

/// <summary>Values spelled as Python prints them, so module reprs read like PyTorch's.</summary>
internal static class PyRepr
{
    /// <summary><c>True</c> / <c>False</c>.</summary>
    internal static string Bool(bool value) => value ? "True" : "False";

    /// <summary>An integer.</summary>
    internal static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float as Python's repr prints it: <c>2.0</c>, <c>0.1</c>, <c>1e-05</c>.</summary>
    internal static string Float(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e16
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    /// <summary>A float or <c>None</c>.</summary>
    internal static string Float(double? value) => value is { } v ? Float(v) : "None";

    /// <summary>A tuple: <c>(3,)</c>, <c>(3, 5)</c>.</summary>
    internal static string Tuple(IReadOnlyList<long> values) => Tuple(values.Select(Int).ToList());

    /// <summary>A tuple of floats: <c>(2.0, 0.5)</c>.</summary>
    internal static string Tuple(IReadOnlyList<double> values) => Tuple(values.Select(Float).ToList());

    private static string Tuple(List<string> items) => items.Count == 1 ? $"({items[0]},)" : $"({string.Join(", ", items)})";
}

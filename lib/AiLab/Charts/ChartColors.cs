using System.Globalization;

namespace AiLab.Charts;

/// <summary>The series colours (Tableau 10: distinguishable and not garish) and the grey of reference lines.</summary>
internal static class ChartColors
{
    private static readonly string[] Palette =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>Dark grey for reference lines (chance diagonals, baselines).</summary>
    public const string Reference = "#7f7f7f";

    /// <summary>The colour of the <paramref name="index"/>-th series, cycling.</summary>
    public static string Series(int index) => Palette[((index % Palette.Length) + Palette.Length) % Palette.Length];

    /// <summary><paramref name="hexColor"/> (<c>#rrggbb</c>) made translucent, as <c>rgba(r, g, b, alpha)</c>.</summary>
    public static string WithAlpha(string hexColor, double alpha)
    {
        if (hexColor.Length != 7 || hexColor[0] != '#' || !int.TryParse(hexColor.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return hexColor;
        return string.Create(CultureInfo.InvariantCulture, $"rgba({(rgb >> 16) & 255}, {(rgb >> 8) & 255}, {rgb & 255}, {alpha})");
    }
}

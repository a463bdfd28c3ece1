using System.Globalization;
using System.Text.Json.Nodes;

namespace AiLab.Charts;

/// <summary>
/// The look every AiLab figure starts with, as a plotly.js <c>layout.template</c>: white background,
/// light grid, readable fonts from the system (no web fonts, so pages stay offline), and the
/// Tableau 10 palette. A figure's own settings override the template.
/// </summary>
public static class Theme
{
    /// <summary>The trace colours in order (Tableau 10): distinguishable and not garish.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>The colour for the <paramref name="index"/>-th series, cycling through <see cref="Colors"/>.</summary>
    public static string Color(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];

    /// <summary>Dark grey for reference lines (chance diagonals, baselines).</summary>
    public const string ReferenceColor = "#7f7f7f";

    /// <summary>System fonts only: Segoe UI / Helvetica where present, Liberation Sans or DejaVu Sans on Linux.</summary>
    public const string FontFamily = "\"Segoe UI\", \"Helvetica Neue\", Helvetica, Arial, \"Liberation Sans\", \"DejaVu Sans\", sans-serif";

    /// <summary>Width in pixels used for PNGs when neither the call nor the figure gives one.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Height in pixels used when the figure does not set one.</summary>
    public const int DefaultHeight = 500;

    /// <summary><paramref name="hexColor"/> (<c>#rrggbb</c>) with transparency, as <c>rgba(r, g, b, alpha)</c>.</summary>
    public static string WithAlpha(string hexColor, double alpha)
    {
        ArgumentNullException.ThrowIfNull(hexColor);
        if (hexColor.Length != 7 || hexColor[0] != '#' || !int.TryParse(hexColor.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            throw new ArgumentException($"Expected a colour written #rrggbb, got \"{hexColor}\".", nameof(hexColor));
        ArgumentOutOfRangeException.ThrowIfLessThan(alpha, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alpha, 1);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({(rgb >> 16) & 255}, {(rgb >> 8) & 255}, {rgb & 255}, {alpha})");
    }

    /// <summary>The plotly.js template object (a fresh copy).</summary>
    internal static JsonObject Template()
    {
        var axis = new
        {
            showgrid = true,
            gridcolor = "#e8e8e8",
            zeroline = false,
            showline = true,
            linecolor = "#7f7f7f",
            ticks = "outside",
            tickcolor = "#7f7f7f",
            automargin = true,
            title = new { standoff = 10 },
        };
        var template = new
        {
            layout = new
            {
                font = new { family = FontFamily, size = 13, color = "#2a2a2a" },
                title = new { font = new { size = 17 }, x = 0.02, xanchor = "left", xref = "paper" },
                colorway = Colors,
                paper_bgcolor = "#ffffff",
                plot_bgcolor = "#ffffff",
                xaxis = axis,
                yaxis = axis,
                legend = new { bgcolor = "rgba(255, 255, 255, 0.85)", bordercolor = "#d0d0d0", borderwidth = 1 },
                hoverlabel = new { font = new { family = FontFamily } },
                margin = new { l = 70, r = 30, t = 60, b = 60 },
                colorscale = new { sequential = Colorscale.Viridis, diverging = Colorscale.Diverging },
            },
            data = new
            {
                scatter = new[] { new { line = new { width = 2 } } },
                heatmap = new[] { new { colorscale = Colorscale.Viridis, colorbar = new { outlinewidth = 0, thickness = 14 } } },
                bar = new[] { new { marker = new { line = new { width = 0 } } } },
            },
        };
        return (JsonObject)PlotlyJson.ToNode(template)!;
    }
}

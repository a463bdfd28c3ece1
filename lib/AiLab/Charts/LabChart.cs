using System.Globalization;
using Plotly.NET;
using static AiLab.Charts.PlotlyObjects;

namespace AiLab.Charts;

/// <summary>
/// Ready-made charts for the notebooks: plain arrays or tensors in, a Plotly.NET <see cref="GenericChart"/> out
/// (titles, axis titles and legends readable without the code). Restyle any of them with Plotly.NET's own API
/// (<c>using Plotly.NET; using Plotly.NET.CSharp;</c> then <c>.WithTitle(…)</c>, <c>.WithXAxisStyle(…)</c>,
/// <c>.WithSize(…)</c>); save with <see cref="Save(GenericChart, string)"/>. Named <c>LabChart</c> so it does not
/// clash with Plotly.NET.CSharp's <c>Chart</c>.
/// </summary>
public static partial class LabChart
{
    /// <summary>Invariant number formatting for legends, labels and hover text.</summary>
    private static string Format(double value, string format = "0.000") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A signed number with a true minus sign, as contributions are usually written: +0.12, −0.05.</summary>
    private static string Signed(double value, string format = "0.000") =>
        value < 0 ? "\u2212" + Format(-value, format) : "+" + Format(value, format);

    private static T[] NotEmpty<T>(IEnumerable<T> items, string argument)
    {
        ArgumentNullException.ThrowIfNull(items, argument);
        var array = items.ToArray();
        if (array.Length == 0) throw new ArgumentException("At least one series is needed.", argument);
        return array;
    }

    private static void RequireLength<T>(T[]? array, int length, string argument, string what)
    {
        if (array is not null && array.Length != length)
            throw new ArgumentException($"{argument} has {array.Length} entries but {what} has {length}.", argument);
    }

    /// <summary>1, 2, …, n: the x of per-epoch curves.</summary>
    private static double[] Steps(int count) => Enumerable.Range(1, count).Select(i => (double)i).ToArray();

    /// <summary>Lines and markers for short series (each point visible), lines alone for long ones.</summary>
    private static string LineMode(int points) => points <= 30 ? "lines+markers" : "lines";

    /// <summary>An axis with a title, as the lab's charts draw them (light grid, outside ticks).</summary>
    private static Plotly.NET.LayoutObjects.LinearAxis AxisTitled(string? title, params (string Name, object? Value)[] properties) =>
        Axis([("title", title is null ? null : Title(title)), ("automargin", true), .. properties]);

    /// <summary>A line shape spanning the plot vertically at x (or horizontally at y), in data units on one axis and the plot's fraction on the other.</summary>
    private static Plotly.NET.LayoutObjects.Shape ReferenceLine(double? x, double? y, string color, string dash = "dash", double width = 1.5) =>
        x is { } at
            ? Shape(("type", "line"), ("xref", "x"), ("yref", "paper"), ("x0", at), ("x1", at), ("y0", 0), ("y1", 1), ("line", LineStyle(("color", color), ("dash", dash), ("width", width))))
            : Shape(("type", "line"), ("xref", "paper"), ("yref", "y"), ("x0", 0), ("x1", 1), ("y0", y), ("y1", y), ("line", LineStyle(("color", color), ("dash", dash), ("width", width))));
}

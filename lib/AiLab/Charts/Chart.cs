using System.Globalization;

namespace AiLab.Charts;

/// <summary>
/// Ready-made charts for the notebooks, each a function from plain arrays to a styled <see cref="Figure"/>
/// (titles, axis titles and legends readable without the code). Restyle any of them with the figure's
/// <c>With…</c> helpers; combine with <see cref="Figure.Combine"/> or <see cref="Figure.Subplots"/>.
/// </summary>
public static partial class Chart
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

    /// <summary>An optional column: null stays null (the implicit conversion would reject it).</summary>
    private static Values? Optional<T>(T[]? items) => items is null ? (Values?)null : Values.From(items);

    /// <summary>1, 2, …, n: the x of per-epoch curves.</summary>
    private static double[] Steps(int count) => Enumerable.Range(1, count).Select(i => (double)i).ToArray();

    /// <summary>Lines and markers for short series (each point visible), lines alone for long ones.</summary>
    private static ScatterMode LineMode(int points) => points <= 30 ? ScatterMode.Lines | ScatterMode.Markers : ScatterMode.Lines;
}

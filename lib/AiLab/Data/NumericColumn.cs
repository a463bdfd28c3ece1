using System.Globalization;

namespace AiLab.Data;

/// <summary>A column of numbers; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn(string name, IEnumerable<double> values) : Column<double>(name, values)
{
    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(this[row]);

    /// <inheritdoc/>
    public override string Format(int row) => FormatNumber(this[row]);

    /// <summary>Six significant digits, invariant culture; "NaN" for missing.</summary>
    internal static string FormatNumber(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private protected override Column<double> Create(string name, double[] newValues) => new NumericColumn(name, newValues);
}

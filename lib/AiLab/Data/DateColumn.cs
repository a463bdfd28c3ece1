using System.Globalization;

namespace AiLab.Data;

/// <summary>A column of dates (and times); <c>null</c> marks a missing value.</summary>
public sealed class DateColumn(string name, IEnumerable<DateTime?> values) : Column<DateTime?>(name, values)
{
    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Date;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => this[row] is null;

    /// <inheritdoc/>
    public override string Format(int row) => this[row] switch
    {
        null => "null",
        { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var date => date.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    private protected override Column<DateTime?> Create(string name, DateTime?[] newValues) => new DateColumn(name, newValues);
}

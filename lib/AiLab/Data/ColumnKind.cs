namespace AiLab.Data;

/// <summary>The type of a <see cref="Table"/> column.</summary>
public enum ColumnKind
{
    /// <summary><see cref="double"/> values; missing is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary><see cref="string"/> values (categories, names, free text); missing is <c>null</c>.</summary>
    Text,

    /// <summary><see cref="DateTime"/> values; missing is <c>null</c>.</summary>
    Date,
}

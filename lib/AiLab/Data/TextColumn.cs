namespace AiLab.Data;

/// <summary>A column of strings (categories, names, free text); <c>null</c> marks a missing value.</summary>
public sealed class TextColumn(string name, IEnumerable<string?> values) : Column<string?>(name, values)
{
    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Text;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => this[row] is null;

    /// <inheritdoc/>
    public override string Format(int row) => this[row] ?? "null";

    /// <summary>The distinct non-missing values, sorted ordinally (the order encoders use).</summary>
    public IReadOnlyList<string> Categories() =>
        [.. ToArray().OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    private protected override Column<string?> Create(string name, string?[] newValues) => new TextColumn(name, newValues);
}

namespace AiLab.Data;

/// <summary>
/// One named, typed column of a <see cref="Table"/>. Columns are immutable: they copy the values they are
/// given and hand out copies. See <see cref="NumericColumn"/>, <see cref="TextColumn"/>, <see cref="DateColumn"/>.
/// </summary>
public abstract class Column
{
    private protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column's name, unique within its table.</summary>
    public string Name { get; }

    /// <summary>The column's value type.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Whether the value in <paramref name="row"/> is missing (NaN or null).</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of missing values.</summary>
    public int MissingCount
    {
        get
        {
            int missing = 0;
            for (int row = 0; row < Length; row++)
                if (IsMissing(row))
                    missing++;
            return missing;
        }
    }

    /// <summary>The value in <paramref name="row"/> as display text: "NaN" / "null" when missing.</summary>
    public abstract string Format(int row);

    /// <summary>The same values under another name.</summary>
    public abstract Column Rename(string name);

    /// <summary>A column of the given rows, in the given order (rows may repeat).</summary>
    public abstract Column TakeRows(IReadOnlyList<int> rows);
}

/// <summary>A column whose values are <typeparamref name="T"/>; base of the concrete column types.</summary>
public abstract class Column<T> : Column
{
    private readonly T[] values;

    private protected Column(string name, IEnumerable<T> values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = [.. values];
    }

    /// <summary>The value in <paramref name="row"/>.</summary>
    public T this[int row] => values[row];

    /// <inheritdoc/>
    public override int Length => values.Length;

    /// <summary>A copy of the values.</summary>
    public T[] ToArray() => (T[])values.Clone();

    /// <summary>The values, read-only, without copying.</summary>
    public ReadOnlySpan<T> AsSpan() => values;

    /// <inheritdoc/>
    public override Column Rename(string name) => Create(name, values);

    /// <inheritdoc/>
    public override Column TakeRows(IReadOnlyList<int> rows) => Create(Name, values.TakeRows(rows));

    /// <summary>A column of the same type holding <paramref name="newValues"/>.</summary>
    private protected abstract Column<T> Create(string name, T[] newValues);
}

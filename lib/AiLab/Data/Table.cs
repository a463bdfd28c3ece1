namespace AiLab.Data;

/// <summary>
/// A small immutable typed table: named columns of numbers, text or dates, all of one length, with missing
/// values (NaN for numbers, null otherwise). Operations return new tables. Displays as HTML in notebooks
/// (<see cref="ToDisplayBundle"/>) and summarises itself with <see cref="Describe"/>.
/// </summary>
public sealed partial class Table
{
    private readonly Column[] columns;
    private readonly Dictionary<string, int> indexByName;

    /// <summary>A table of <paramref name="columns"/>, which must have distinct names and equal lengths.</summary>
    public Table(params IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        this.columns = [.. columns];
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.columns.Length; i++)
        {
            var column = this.columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (!indexByName.TryAdd(column.Name, i))
                throw new ArgumentException($"Two columns are named '{column.Name}'.", nameof(columns));
            if (column.Length != this.columns[0].Length)
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.Length} rows where '{this.columns[0].Name}' has {this.columns[0].Length}.",
                    nameof(columns));
        }
    }

    /// <summary>Number of rows.</summary>
    public int RowCount => columns.Length == 0 ? 0 : columns[0].Length;

    /// <summary>Number of columns.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns => Array.AsReadOnly(columns);

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. columns.Select(column => column.Name)];

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the columns there are.</exception>
    public Column this[string name] => columns[IndexOf(name)];

    /// <summary>Whether there is a column called <paramref name="name"/>.</summary>
    public bool Contains(string name) => indexByName.ContainsKey(name);

    /// <summary>A copy of numeric column <paramref name="name"/> (missing = NaN).</summary>
    public double[] Numbers(string name) => Typed<NumericColumn>(name, ColumnKind.Numeric).ToArray();

    /// <summary>A copy of text column <paramref name="name"/> (missing = null).</summary>
    public string?[] Strings(string name) => Typed<TextColumn>(name, ColumnKind.Text).ToArray();

    /// <summary>A copy of date column <paramref name="name"/> (missing = null).</summary>
    public DateTime?[] Dates(string name) => Typed<DateColumn>(name, ColumnKind.Date).ToArray();

    /// <summary>
    /// The numeric columns <paramref name="names"/> (all numeric columns when none are named) as an
    /// n × d matrix, NaN where values are missing.
    /// </summary>
    public double[,] ToMatrix(params string[] names)
    {
        var chosen = names.Length == 0
            ? [.. columns.OfType<NumericColumn>()]
            : names.Select(name => Typed<NumericColumn>(name, ColumnKind.Numeric)).ToArray();
        var matrix = new double[RowCount, chosen.Length];
        for (int j = 0; j < chosen.Length; j++)
        {
            var values = chosen[j].AsSpan();
            for (int i = 0; i < values.Length; i++)
                matrix[i, j] = values[i];
        }
        return matrix;
    }

    /// <summary>Rows × columns missing mask: true where the value is missing (all columns when none are named).</summary>
    public bool[,] MissingMask(params string[] names)
    {
        var chosen = Chosen(names);
        var mask = new bool[RowCount, chosen.Length];
        for (int j = 0; j < chosen.Length; j++)
            for (int i = 0; i < RowCount; i++)
                mask[i, j] = chosen[j].IsMissing(i);
        return mask;
    }

    /// <summary>A table of the named columns, in the order given.</summary>
    public Table Select(params string[] names) => new(names.Select(name => this[name]));

    /// <summary>A table without the named columns.</summary>
    public Table Drop(params string[] names)
    {
        foreach (string name in names)
            IndexOf(name);
        return new Table(columns.Where(column => !names.Contains(column.Name)));
    }

    /// <summary>A table with <paramref name="column"/> added at the end, or replacing the column of the same name.</summary>
    public Table With(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return indexByName.TryGetValue(column.Name, out int index)
            ? new Table(columns.Select((existing, i) => i == index ? column : existing))
            : new Table([.. columns, column]);
    }

    /// <summary>A table of the given rows, in that order (rows may repeat).</summary>
    public Table TakeRows(IReadOnlyList<int> rows) => new(columns.Select(column => column.TakeRows(rows)));

    /// <summary>The rows for which <paramref name="predicate"/> (given the row index) is true.</summary>
    public Table Where(Func<int, bool> predicate) => TakeRows([.. Enumerable.Range(0, RowCount).Where(predicate)]);

    /// <summary>The first <paramref name="count"/> rows (fewer if the table is shorter).</summary>
    public Table Head(int count = 5) => TakeRows([.. Enumerable.Range(0, Math.Min(Math.Max(count, 0), RowCount))]);

    /// <summary>The rows with no missing value in the named columns (in any column when none are named).</summary>
    public Table DropMissing(params string[] names)
    {
        var chosen = Chosen(names);
        return Where(row => !chosen.Any(column => column.IsMissing(row)));
    }

    private Column[] Chosen(string[] names) => names.Length == 0 ? columns : [.. names.Select(name => this[name])];

    private int IndexOf(string name) =>
        indexByName.TryGetValue(name, out int index)
            ? index
            : throw new KeyNotFoundException(
                $"The table has no column '{name}'. Its columns: {string.Join(", ", columns.Select(c => $"'{c.Name}'"))}.");

    private T Typed<T>(string name, ColumnKind kind) where T : Column
    {
        var column = this[name];
        return column as T ?? throw new InvalidOperationException(
            $"Column '{name}' holds {column.Kind} values, not {kind}.");
    }
}

using System.Globalization;
using System.Text.Json;

namespace AiLab.Data;

public sealed partial class Table
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy/MM/dd"];

    /// <summary>Reads a CSV file with a header row; see <see cref="ParseCsv"/> for the typing rules.</summary>
    public static Table ReadCsv(string path) => ParseCsv(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>
    /// Parses CSV text whose first record is the header. Each column is typed from its values: numeric if
    /// every non-empty cell is a number (invariant culture), date if every non-empty cell is an ISO date
    /// (<c>yyyy-MM-dd</c>, optionally with a time), text otherwise. Empty cells are missing.
    /// <paramref name="source"/> names the text in error messages.
    /// </summary>
    public static Table ParseCsv(string csv, string source = "csv")
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = CsvReader.ReadAll(csv, source);
        if (records.Count == 0)
            throw new FormatException($"{source} is empty: a header row is needed.");
        string[] header = records[0];
        return new Table(header.Select((name, j) =>
            InferColumn(name, [.. records.Skip(1).Select(record => record[j].Length == 0 ? null : record[j])])));
    }

    /// <summary>
    /// Parses a JSON array of flat objects (records), as vega-datasets ships them. Columns appear in the order
    /// their keys first appear; a key absent from a record, or <c>null</c>, is missing. Values are typed as in
    /// <see cref="ParseCsv"/> (JSON numbers → numeric, ISO date strings → date, other strings and booleans → text).
    /// </summary>
    public static Table ParseJsonRecords(string json, string source = "json")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{source}: expected a JSON array of records, found {document.RootElement.ValueKind}.");
        var cells = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        var order = new List<string>();
        int index = 0;
        foreach (var record in document.RootElement.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{source}: record {index} is {record.ValueKind}, not an object.");
            foreach (var property in record.EnumerateObject())
            {
                if (!cells.TryGetValue(property.Name, out var values))
                {
                    values = [.. Enumerable.Repeat<string?>(null, index)];
                    cells[property.Name] = values;
                    order.Add(property.Name);
                }
                else if (values.Count > index)
                    throw new FormatException($"{source}: record {index} has the field '{property.Name}' twice.");
                values.Add(property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    var kind => throw new FormatException(
                        $"{source}: record {index} field '{property.Name}' is {kind}; only flat records are supported."),
                });
            }
            index++;
            foreach (var values in cells.Values)
                if (values.Count < index)
                    values.Add(null);
        }
        return new Table(order.Select(name => InferColumn(name, [.. cells[name]])));
    }

    /// <summary>Types a column from its raw cells (null = missing) by the rules of <see cref="ParseCsv"/>.</summary>
    private static Column InferColumn(string name, string?[] cells)
    {
        var present = cells.OfType<string>().ToArray();
        if (present.All(cell => TryParseNumber(cell, out _)))
            return new NumericColumn(name, cells.Select(cell => cell is null ? double.NaN : ParseNumber(cell)));
        if (present.All(cell => TryParseDate(cell, out _)))
            return new DateColumn(name, cells.Select(cell => cell is null ? (DateTime?)null : ParseDate(cell)));
        return new TextColumn(name, cells);
    }

    private static bool TryParseNumber(string cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static double ParseNumber(string cell) => TryParseNumber(cell, out double value) ? value : double.NaN;

    private static bool TryParseDate(string cell, out DateTime value) =>
        DateTime.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static DateTime ParseDate(string cell) => TryParseDate(cell, out var value) ? value : default;
}

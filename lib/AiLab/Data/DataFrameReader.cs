using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace AiLab.Data;

/// <summary>
/// Builds a <see cref="DataFrame"/> from CSV text or a JSON array of flat records against a declared list of
/// fields, so a dataset's columns have the types its documentation promises. Empty CSV cells, JSON nulls and
/// absent keys are missing (null). Every error is a <see cref="FormatException"/> naming the source and the line
/// (CSV) or record (JSON) and the field.
/// </summary>
internal static class DataFrameReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>CSV whose header row must be exactly the names of <paramref name="fields"/>, in order.</summary>
    public static DataFrame FromCsv(string text, string source, IReadOnlyList<FrameField> fields)
    {
        var records = CsvReader.ReadAll(text, source);
        if (records.Count == 0)
            throw new FormatException($"{source} is empty: a header row is needed.");
        string[] header = records[0].Fields;
        if (!header.SequenceEqual(fields.Select(field => field.Name)))
            throw new FormatException(
                $"{source} line 1: the header is {Quote(header)}; expected {Quote(fields.Select(field => field.Name))}.");
        var columns = fields.Select(field => new ColumnBuilder(field)).ToArray();
        foreach (var record in records.Skip(1))
            for (int j = 0; j < columns.Length; j++)
                columns[j].Add(record.Fields[j].Length == 0 ? null : record.Fields[j], $"{source} line {record.Line}");
        return new DataFrame(columns.Select(column => column.Build()));
    }

    /// <summary>
    /// A JSON array of flat objects (as vega-datasets ships them) whose keys must all be among
    /// <paramref name="fields"/>; a key a record lacks is missing there.
    /// </summary>
    public static DataFrame FromJsonRecords(string json, string source, IReadOnlyList<FrameField> fields)
    {
        var columns = fields.Select(field => new ColumnBuilder(field)).ToArray();
        var indexByName = fields.Select((field, j) => (field.Name, j)).ToDictionary(pair => pair.Name, pair => pair.j, StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} line {e.LineNumber + 1}: not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{source}: expected a JSON array of records, found {document.RootElement.ValueKind}.");
            int index = 0;
            var cells = new string?[fields.Count];
            foreach (var record in document.RootElement.EnumerateArray())
            {
                string where = $"{source} record {index}";
                if (record.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{where} is {record.ValueKind}, not an object.");
                Array.Clear(cells);
                var seen = new bool[fields.Count];
                foreach (var property in record.EnumerateObject())
                {
                    if (!indexByName.TryGetValue(property.Name, out int j))
                        throw new FormatException($"{where} has the field '{property.Name}', which is not one of {Quote(indexByName.Keys)}.");
                    if (seen[j])
                        throw new FormatException($"{where} has the field '{property.Name}' twice.");
                    seen[j] = true;
                    cells[j] = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        var kind => throw new FormatException($"{where} field '{property.Name}' is {kind}; only flat records are supported."),
                    };
                }
                for (int j = 0; j < columns.Length; j++)
                    columns[j].Add(cells[j], where);
                index++;
            }
        }
        return new DataFrame(columns.Select(column => column.Build()));
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));

    /// <summary>Parses one field's cells into the typed values of its column.</summary>
    private sealed class ColumnBuilder(FrameField field)
    {
        private readonly List<double?> numbers = [];
        private readonly List<string?> texts = [];
        private readonly List<DateTime?> dates = [];

        /// <summary>Adds a cell (null = missing); <paramref name="where"/> names its line or record in errors.</summary>
        public void Add(string? cell, string where)
        {
            switch (field.Type)
            {
                case FieldType.Number:
                    numbers.Add(cell is null ? null
                        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number
                        : throw Invalid(cell, where, "a number"));
                    break;
                case FieldType.Date:
                    dates.Add(cell is null ? null
                        : DateTime.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                        : throw Invalid(cell, where, "an ISO date (yyyy-MM-dd)"));
                    break;
                default:
                    texts.Add(cell);
                    break;
            }
        }

        public DataFrameColumn Build() => field.Type switch
        {
            FieldType.Number => new DoubleDataFrameColumn(field.Name, numbers),
            FieldType.Date => new DateTimeDataFrameColumn(field.Name, dates),
            _ => new StringDataFrameColumn(field.Name, texts),
        };

        private FormatException Invalid(string cell, string where, string expected) =>
            new($"{where} field '{field.Name}': '{cell}' is not {expected}.");
    }
}

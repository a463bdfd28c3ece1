using System.Text;

namespace AiLab.Data;

/// <summary>
/// A small RFC 4180 CSV reader: comma-separated fields, optional double quotes with <c>""</c> as an
/// escaped quote, line breaks inside quotes, LF or CRLF line ends, blank lines skipped. Every record must have as many
/// fields as the first one. Each record keeps the line it starts on, so value errors can name it.
/// </summary>
/// <remarks>
/// Not <c>DataFrame.LoadCsv</c>: it pads a short row with nulls instead of failing, reports a bad value without
/// its line, and keeps empty text cells as "" rather than missing.
/// </remarks>
internal static class CsvReader
{
    /// <summary>All records of <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static List<CsvRecord> ReadAll(string text, string source)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool quoted = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '"':
                    throw new FormatException($"{source} line {line}: a quote inside an unquoted field.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break; // the '\n' ends the record
                case '\n':
                    if (fields.Count > 0 || field.Length > 0) // blank lines are skipped, as pandas does
                        EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        if (quoted)
            throw new FormatException($"{source} line {recordLine}: a quoted field is never closed.");
        if (field.Length > 0 || fields.Count > 0)
            EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (records.Count > 0 && fields.Count != records[0].Fields.Length)
                throw new FormatException(
                    $"{source} line {recordLine}: {fields.Count} fields where the first record has {records[0].Fields.Length}.");
            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
        }
    }
}

/// <summary>One CSV record: the (1-based) line it starts on and its fields.</summary>
internal readonly record struct CsvRecord(int Line, string[] Fields);

using System.Text;

namespace AiLab.Data;

/// <summary>
/// A small RFC 4180 CSV reader: comma-separated fields, optional double quotes with <c>""</c> as an
/// escaped quote, line breaks inside quotes, LF or CRLF line ends, blank lines skipped. Every record must have as many
/// fields as the first one.
/// </summary>
internal static class CsvReader
{
    /// <summary>All records of <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static List<string[]> ReadAll(string text, string source)
    {
        var records = new List<string[]>();
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
            if (records.Count > 0 && fields.Count != records[0].Length)
                throw new FormatException(
                    $"{source} line {recordLine}: {fields.Count} fields where the first record has {records[0].Length}.");
            records.Add([.. fields]);
            fields.Clear();
        }
    }
}

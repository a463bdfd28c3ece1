using System.Text;
using System.Text.Json;
using AiLab.Notebooks.Execution;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// The report file of a notebook process: JSON lines appended and flushed as cells finish, so that a crash loses
/// at most the running cell. Only a final <see cref="ChildRecord.DoneType"/> record means the process finished.
/// </summary>
internal sealed class ChildReport : IDisposable
{
    private readonly StreamWriter _writer;

    private ChildReport(StreamWriter writer) => _writer = writer;

    /// <summary>Creates (or truncates) the report file.</summary>
    public static ChildReport Create(string path) =>
        new(new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)));

    /// <summary>Appends a record and flushes it to the file.</summary>
    public void Write(ChildRecord record)
    {
        _writer.Write(JsonSerializer.Serialize(record, ResultJson.Compact));
        _writer.Write('\n');
        _writer.Flush();
    }

    /// <summary>Reads a report: the cells (display updates applied) and the done record, null when the process died first.</summary>
    public static (List<CellExecution> Cells, ChildRecord? Done) Read(string path)
    {
        var cells = new List<CellExecution>();
        ChildRecord? done = null;
        if (!File.Exists(path))
        {
            return (cells, done);
        }
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            ChildRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<ChildRecord>(line, ResultJson.Compact);
            }
            catch (JsonException)
            {
                break; // a line cut off by a crash: everything before it is complete
            }
            switch (record?.Type)
            {
                case ChildRecord.CellType when record.Execution is not null:
                    cells.Add(record.Execution);
                    break;
                case ChildRecord.UpdateType when record.Update is not null:
                    Apply(cells, record.Update);
                    break;
                case ChildRecord.DoneType:
                    done = record;
                    break;
            }
        }
        return (cells, done);
    }

    private static void Apply(List<CellExecution> cells, DisplayUpdate update)
    {
        var output = cells.SelectMany(c => c.Outputs).LastOrDefault(o => o.DisplayId == update.DisplayId);
        if (output is not null)
        {
            output.Data = update.Data;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}

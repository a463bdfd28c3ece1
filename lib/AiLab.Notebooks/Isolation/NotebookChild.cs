using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Execution;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Scripting;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// The notebook process (<c>ailab run-one</c>): runs every C# cell of one notebook on one thread, writing progress
/// events to standard output and cell records to the report file.
/// </summary>
internal static class NotebookChild
{
    /// <summary>Runs the notebook; returns 0 when it passed, 1 when it failed (the report says why).</summary>
    public static int Run(string notebookPath, string reportPath)
    {
        var fullPath = Path.GetFullPath(notebookPath);
        using var events = ChildEventWriter.OpenStandardOutput();
        using var report = ChildReport.Create(Path.GetFullPath(reportPath));

        var recorder = new OutputRecorder();
        Console.SetOut(new CellConsoleWriter(recorder, "stdout"));
        Console.SetError(new CellConsoleWriter(recorder, "stderr"));
        NotebookOutput.Current = recorder;

        NotebookError? error;
        try
        {
            var document = DibParser.ParseFile(fullPath);
            error = NotebookValidator.FindUnsupported(document).Select(p => new NotebookError(p.Cell ?? 0, p.Line, p.Message)).FirstOrDefault()
                ?? RunCells(document, fullPath, recorder, events, report);
        }
        catch (NotebookFormatException e)
        {
            error = new NotebookError(0, e.Line, e.Reason);
        }
        catch (Exception e)
        {
            // A fault of the runner itself (cells' faults are results): report it rather than die silently,
            // since this process's console is captured.
            error = new NotebookError(0, 1, $"internal error of the notebook runner: {e}");
        }

        report.Write(new ChildRecord
        {
            Type = ChildRecord.DoneType,
            Status = error is null ? NotebookStatus.Passed : NotebookStatus.Failed,
            Error = error,
            Device = DeviceProbe.Describe(),
        });
        events.Write(new ChildEvent(ChildEvent.Done, 0, null));
        return error is null ? 0 : 1;
    }

    private static NotebookError? RunCells(NotebookDocument document, string fullPath, OutputRecorder recorder, ChildEventWriter events, ChildReport report)
    {
        Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
        var context = new SingleThreadSynchronizationContext();
        using var watch = new DeadlockWatch(context, events);
        return CellThread.Run(context, async () =>
        {
            var session = new NotebookSession(document, fullPath, recorder);
            await session.WarmUpAsync();
            recorder.TakeCellOutputs();
            foreach (var cell in document.Cells.Where(c => c.IsCSharp))
            {
                watch.Cell = cell.Number;
                events.Write(new ChildEvent(ChildEvent.Start, cell.Number, null));
                var execution = await session.RunCellAsync(cell);
                report.Write(new ChildRecord { Type = ChildRecord.CellType, Execution = execution });
                foreach (var update in recorder.TakeUpdates())
                {
                    report.Write(new ChildRecord { Type = ChildRecord.UpdateType, Update = update });
                }
                events.Write(new ChildEvent(ChildEvent.End, cell.Number, null));
                if (execution.Error is not null)
                {
                    return execution.Error;
                }
            }
            return null;
        });
    }
}

using System.Diagnostics;
using System.Globalization;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// Runs one notebook in its own process (<c>ailab run-one</c>) and turns whatever happens — success, a failing cell,
/// a cell over the timeout, a crash — into a <see cref="NotebookRunResult"/>. Never throws for the notebook's faults.
/// </summary>
internal static class NotebookProcess
{
    // After its last record the process only has to exit; if something keeps it alive, it is stopped.
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Start-up (runtime, compiler warm-up) is not a cell's time, but a process that never starts a cell is stopped.
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(120);
    private const int HeadLines = 12;
    private const int TailLines = 12;

    /// <summary>Runs <paramref name="document"/> (read from <paramref name="target"/>) in a child process.</summary>
    /// <param name="target">The notebook.</param>
    /// <param name="document">Its parsed cells (for line numbers of timeouts and crashes).</param>
    /// <param name="settings">Timeout, output directory, PNG flag.</param>
    /// <param name="cellStarted">Called with each cell number as the child starts it.</param>
    /// <param name="cancellation">Stops the child (Ctrl+C).</param>
    public static async Task<NotebookRunResult> RunAsync(
        NotebookTarget target, NotebookDocument document, RunSettings settings, Action<int>? cellStarted, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var reportPath = Path.Combine(Path.GetTempPath(), $"ailab-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        var firstCell = document.Cells.FirstOrDefault(c => c.IsCSharp)?.Number ?? 1;
        var cells = new CellClock(firstCell);
        var tail = new OutputTail(HeadLines, TailLines);
        try
        {
            using var process = Start(target, settings, reportPath);
            var stdout = PumpAsync(process.StandardOutput, line =>
            {
                if (ChildEvent.TryParse(line) is { } e)
                {
                    cells.On(e);
                    if (e.Kind == ChildEvent.Start)
                    {
                        tail.Clear(); // only what the running cell printed explains a crash
                        cellStarted?.Invoke(e.Cell);
                    }
                }
                else if (line.Length > 0)
                {
                    tail.Add(line);
                }
            });
            var stderr = PumpAsync(process.StandardError, tail.Add);

            var timedOutCell = await WatchAsync(process, cells, settings.CellTimeout, cancellation);
            // A grandchild that inherited the pipes can keep them open after the process is gone.
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));

            var (executions, done) = ChildReport.Read(reportPath);
            var result = timedOutCell is { } cell
                ? Stopped(target, document, executions, cell, cells.Started
                    ? TimeoutMessage(cell, document, settings, cells)
                    : $"the notebook process did not start its first cell within {Max(settings.CellTimeout, StartupAllowance).TotalSeconds:0} s; it was stopped",
                    NotebookStatus.Timeout)
                : done is not null
                    ? new NotebookRunResult
                    {
                        Target = target, Document = document, Status = done.Status ?? NotebookStatus.Failed,
                        Error = done.Error, Executions = executions, Device = done.Device,
                    }
                    : Crashed(target, document, executions, cells.Cell, process.ExitCode, tail, cancellation.IsCancellationRequested);
            result.Seconds = clock.Elapsed.TotalSeconds;
            return result;
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    private static Process Start(NotebookTarget target, RunSettings settings, string reportPath)
    {
        var start = ChildLauncher.StartInfo(["run-one", target.FullPath, "--report", reportPath]);
        start.WorkingDirectory = Path.GetDirectoryName(target.FullPath)!;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["AILAB_OUT"] = settings.OutDir;
        start.Environment["AILAB_NOTEBOOK"] = target.Stem;
        if (settings.Png)
        {
            start.Environment["AILAB_PNG"] = "1";
        }
        else
        {
            start.Environment.Remove("AILAB_PNG");
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.StandardInput.Close(); // a cell reading the console gets end-of-file instead of hanging
        return process;
    }

    // Waits for the process to exit; stops it when a cell exceeds the timeout (returning that cell), when it
    // lingers after its last record, or on cancellation.
    private static async Task<int?> WatchAsync(Process process, CellClock cells, TimeSpan timeout, CancellationToken cancellation)
    {
        var exited = process.WaitForExitAsync(CancellationToken.None);
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(PollInterval, CancellationToken.None));
            if (exited.IsCompleted)
            {
                break;
            }
            if (cancellation.IsCancellationRequested || (cells.Done && cells.Elapsed > ExitGrace))
            {
                Kill(process);
                break;
            }
            if (!cells.Done && cells.Elapsed > (cells.Started ? timeout : Max(timeout, StartupAllowance)))
            {
                var cell = cells.Cell;
                Kill(process);
                await exited;
                return cell;
            }
        }
        await exited;
        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    private static string TimeoutMessage(int cell, NotebookDocument document, RunSettings settings, CellClock cells)
    {
        var seconds = settings.CellTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = $"cell {cell} (line {LineOf(document, cell)}) did not finish within the {seconds} s cell timeout; the notebook process was stopped";
        return cells.HintFor(cell) is { } hint ? $"{message}. Hint: {hint}" : message;
    }

    private static NotebookRunResult Crashed(
        NotebookTarget target, NotebookDocument document, List<CellExecution> executions, int cell, int exitCode, OutputTail tail, bool cancelled)
    {
        var message = cancelled
            ? $"the run was cancelled while cell {cell} was running"
            : $"the notebook process ended unexpectedly ({ProcessExit.Describe(exitCode)}) while running cell {cell} (line {LineOf(document, cell)})";
        var lines = tail.Lines;
        if (lines.Count > 0)
        {
            message += "\nlast output of the process:\n" + string.Join('\n', lines.Select(l => "  " + l));
        }
        return Stopped(target, document, executions, cell, message, NotebookStatus.Failed);
    }

    // A result for a process that was stopped or died: the running cell gets an error output with the message.
    private static NotebookRunResult Stopped(
        NotebookTarget target, NotebookDocument document, List<CellExecution> executions, int cell, string message, NotebookStatus status)
    {
        var error = new NotebookError(cell, LineOf(document, cell), message);
        var execution = executions.LastOrDefault(e => e.Cell == cell);
        if (execution is null)
        {
            execution = new CellExecution { Cell = cell, ExecutionCount = executions.Count + 1, Started = DateTimeOffset.UtcNow };
            executions.Add(execution);
        }
        execution.Error = error;
        execution.Outputs.Add(new CellOutput
        {
            Kind = OutputKind.Error,
            ErrorName = status == NotebookStatus.Timeout ? "Timeout" : "ProcessCrash",
            ErrorValue = message.Split('\n')[0],
            Traceback = [.. message.Split('\n')],
        });
        return new NotebookRunResult { Target = target, Document = document, Status = status, Error = error, Executions = executions };
    }

    private static int LineOf(NotebookDocument document, int cell) =>
        cell >= 1 && cell <= document.Cells.Count ? document.Cell(cell).StartLine : 1;
}

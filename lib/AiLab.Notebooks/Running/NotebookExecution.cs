using System.Diagnostics;
using System.Globalization;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Kernel;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Running;

/// <summary>
/// Runs one notebook in its own official kernel process: code cells submitted in order with their kernel name
/// (markdown is not submitted), stopping at the first failure as VS Code's "Run All" does, and reporting where:
/// compile errors at their diagnostic's line, exceptions at the cell's first line (the kernel's stack traces carry
/// no line numbers), a timeout or a crash at the cell that was running.
/// </summary>
internal static class NotebookExecution
{
    /// <summary>The least time the kernel gets to start (measured: 3–5 s; slower on a loaded machine).</summary>
    public static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(60);

    // After a timeout the kernel is asked to cancel, then killed regardless.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    // Reads the device the notebook's library chose (AiLab.Lab.Device) if the notebook loaded it; by name, since
    // the runner must not reference the library.
    private const string DeviceProbe =
        "System.AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == \"AiLab\")" +
        "?.GetType(\"AiLab.Lab\")?.GetProperty(\"Device\")?.GetValue(null)?.ToString() ?? \"\"";

    /// <summary>Runs <paramref name="document"/>; <paramref name="cellStarted"/> hears each cell number as it is submitted.</summary>
    public static async Task<NotebookRunResult> RunAsync(
        NotebookTarget target, NotebookDocument document, RunSettings settings, Action<int>? cellStarted, CancellationToken cancellation)
    {
        var codeCells = document.Cells.Where(c => c.IsCode).ToList();
        var executions = new List<CellExecution>();
        if (codeCells.Count == 0)
        {
            return Result(target, document, executions, NotebookStatus.Passed, null);
        }

        var start = KernelLauncher.StartInfo(Path.GetDirectoryName(target.FullPath)!, Environment(target, settings));
        await using var kernel = await KernelProcess.StartAsync(start);
        var connection = new KernelConnection(kernel);

        var first = codeCells[0];
        var startup = settings.CellTimeout > StartupAllowance ? settings.CellTimeout : StartupAllowance;
        switch (await connection.WaitReadyAsync(startup, cancellation))
        {
            case SubmissionEnd.TimedOut:
                return Stopped(target, document, executions, first, NotebookStatus.Timeout,
                    $"the kernel did not start within {Seconds(startup)} s; it was killed");
            case SubmissionEnd.KernelExited:
                await WaitBrieflyAsync(kernel.Exited);
                return Stopped(target, document, executions, first, NotebookStatus.Failed,
                    "the kernel did not start: " + CrashReport.Describe(kernel.Stderr.Since(0), kernel.ExitCode, first.Number, first.StartLine));
            case SubmissionEnd.Cancelled:
                return Stopped(target, document, executions, first, NotebookStatus.Failed, "the run was cancelled before the kernel started");
        }

        foreach (var cell in codeCells)
        {
            cellStarted?.Invoke(cell.Number);
            var execution = new CellExecution
            {
                NotebookPath = target.FullPath, Cell = cell.Number, ExecutionCount = executions.Count + 1, Started = DateTimeOffset.UtcNow,
            };
            var collector = new CellOutputCollector(cell, execution, executions.ToList());
            executions.Add(execution);
            var stderrMark = kernel.Stderr.Count;
            var clock = Stopwatch.StartNew();
            var outcome = await connection.SubmitAsync(cell.Kernel, cell.Content, collector.On, settings.CellTimeout, cancellation);
            execution.Seconds = clock.Elapsed.TotalSeconds;
            switch (outcome.End)
            {
                case SubmissionEnd.Succeeded:
                    continue;
                case SubmissionEnd.Failed:
                    var message = collector.Errors.Count > 0 ? string.Join('\n', collector.Errors) : outcome.Message ?? "the cell failed";
                    return Stopped(target, document, executions, cell, NotebookStatus.Failed, message,
                        collector.FirstErrorLine, collector.Errors.Count > 0 ? "CompilationError" : ErrorName(outcome.Message));
                case SubmissionEnd.TimedOut:
                    await CancelThenKillAsync(connection, kernel);
                    return Stopped(target, document, executions, cell, NotebookStatus.Timeout,
                        $"cell {cell.Number} (line {cell.StartLine}) did not finish within the {Seconds(settings.CellTimeout)} s cell timeout; it was cancelled and the kernel killed",
                        errorName: "Timeout");
                case SubmissionEnd.KernelExited:
                    await WaitBrieflyAsync(kernel.Exited);
                    return Stopped(target, document, executions, cell, NotebookStatus.Failed,
                        CrashReport.Describe(kernel.Stderr.Since(stderrMark), kernel.ExitCode, cell.Number, cell.StartLine), errorName: "KernelCrash");
                default:
                    return Stopped(target, document, executions, cell, NotebookStatus.Failed, $"the run was cancelled while cell {cell.Number} was running");
            }
        }

        var device = codeCells.Any(c => c.IsCSharp) ? await ProbeDeviceAsync(connection, cancellation) : null;
        return Result(target, document, executions, NotebookStatus.Passed, null, device);
    }

    // What the chart library reads to know where to save (lib/AiLab/Charts/ChartOutput.cs).
    private static Dictionary<string, string?> Environment(NotebookTarget target, RunSettings settings) => new()
    {
        ["AILAB_OUT"] = settings.OutDir,
        ["AILAB_NOTEBOOK"] = target.Stem,
        ["AILAB_PNG"] = settings.Png ? "1" : null,
        // The static pages load one shared plotly.js: chart outputs need not carry the 3.6 MB bundle themselves.
        ["AILAB_PLOTLYJS"] = "page",
    };

    private static async Task CancelThenKillAsync(KernelConnection connection, KernelProcess kernel)
    {
        try
        {
            await connection.CancelAsync();
        }
        catch (IOException)
        {
            // the kernel already closed its input
        }
        await WaitBrieflyAsync(kernel.Exited, CancelGrace);
        kernel.Kill();
    }

    private static async Task<string?> ProbeDeviceAsync(KernelConnection connection, CancellationToken cancellation)
    {
        string? device = null;
        await connection.SubmitAsync(KnownKernels.CSharp, DeviceProbe, e =>
        {
            if (e is Microsoft.DotNet.Interactive.Events.ReturnValueProduced value)
            {
                device = value.FormattedValues.FirstOrDefault(v => v.MimeType == MimeTypes.PlainText)?.Value;
            }
        }, ProbeTimeout, cancellation);
        return string.IsNullOrWhiteSpace(device) ? null : device.Trim();
    }

    // "System.InvalidOperationException: bad\n   at …" → "System.InvalidOperationException".
    private static string ErrorName(string? message)
    {
        var head = (message ?? "").Split('\n')[0];
        var colon = head.IndexOf(": ", StringComparison.Ordinal);
        var name = colon > 0 ? head[..colon] : "";
        return name.Length > 0 && !name.Contains(' ') && name.Contains('.') ? name : "Error";
    }

    private static Task WaitBrieflyAsync(Task task, TimeSpan? limit = null) => Task.WhenAny(task, Task.Delay(limit ?? TimeSpan.FromSeconds(3)));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    // The failing cell gets an error output with the message, as papermill writes it into the executed notebook.
    private static NotebookRunResult Stopped(
        NotebookTarget target, NotebookDocument document, List<CellExecution> executions, NotebookCell cell, NotebookStatus status,
        string message, int? line = null, string errorName = "Error")
    {
        var error = new NotebookError(cell.Number, line ?? cell.StartLine, message);
        var execution = executions.LastOrDefault(e => e.Cell == cell.Number);
        if (execution is null)
        {
            execution = new CellExecution { NotebookPath = target.FullPath, Cell = cell.Number, ExecutionCount = executions.Count + 1, Started = DateTimeOffset.UtcNow };
            executions.Add(execution);
        }
        execution.Error = error;
        var lines = message.Split('\n');
        execution.Outputs.Add(new CellOutput { Kind = OutputKind.Error, ErrorName = errorName, ErrorValue = lines[0], Traceback = [.. lines] });
        return Result(target, document, executions, status, error);
    }

    private static NotebookRunResult Result(
        NotebookTarget target, NotebookDocument document, List<CellExecution> executions, NotebookStatus status, NotebookError? error, string? device = null) => new()
    {
        Target = target, Document = document, Status = status, Error = error, Executions = executions, Device = device,
    };
}

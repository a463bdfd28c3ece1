using System.Globalization;
using AiLab.Notebooks.Running;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary>Progress as plain lines (CI logs, redirected output): one when a notebook starts, one when it ends.</summary>
internal sealed class LineProgress(IAnsiConsole console) : IRunObserver
{
    /// <inheritdoc />
    public void NotebookStarted(NotebookTarget target, int codeCells) =>
        console.MarkupLineInterpolated($"[grey]running[/] {target.DisplayPath} [grey]({codeCells} code cells)[/]");

    /// <inheritdoc />
    public void CellStarted(NotebookTarget target, int cell)
    {
    }

    /// <inheritdoc />
    public void NotebookFinished(NotebookRunResult result) => console.MarkupLine(RunReport.StatusLine(result));
}

/// <summary>Progress as a live Spectre.Console display: a bar per notebook advancing cell by cell.</summary>
internal sealed class LiveProgress(ProgressContext context) : IRunObserver
{
    private readonly Dictionary<string, (ProgressTask Task, int Started)> _tasks = [];

    /// <inheritdoc />
    public void NotebookStarted(NotebookTarget target, int codeCells)
    {
        lock (_tasks)
        {
            _tasks[target.FullPath] = (context.AddTask(Markup.Escape(target.Stem), maxValue: Math.Max(1, codeCells)), 0);
        }
    }

    /// <inheritdoc />
    public void CellStarted(NotebookTarget target, int cell)
    {
        lock (_tasks)
        {
            var (task, started) = _tasks[target.FullPath];
            task.Value = started;
            task.Description = $"{Markup.Escape(target.Stem)} [grey]cell {cell.ToString(CultureInfo.InvariantCulture)}[/]";
            _tasks[target.FullPath] = (task, started + 1);
        }
    }

    /// <inheritdoc />
    public void NotebookFinished(NotebookRunResult result)
    {
        lock (_tasks)
        {
            var (task, _) = _tasks[result.Target.FullPath];
            task.Description = RunReport.StatusLine(result, compact: true);
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}

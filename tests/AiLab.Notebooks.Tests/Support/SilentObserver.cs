using System.Diagnostics;
using AiLab.Notebooks.Running;

namespace AiLab.Notebooks.Tests.Support;

/// <summary>Records when each cell was reported starting and when each notebook finished; prints nothing.</summary>
internal sealed class SilentObserver : IRunObserver
{
    private readonly List<(string Notebook, int Cell, long Timestamp)> _started = [];
    private readonly Dictionary<string, long> _finished = [];

    public IReadOnlyList<(string Notebook, int Cell)> Started
    {
        get
        {
            lock (_started)
            {
                return [.. _started.Select(s => (s.Notebook, s.Cell))];
            }
        }
    }

    /// <summary>Time from the start of <paramref name="cell"/> to the end of its notebook.</summary>
    public TimeSpan FromCellStartToFinish(string notebook, int cell)
    {
        lock (_started)
        {
            var started = _started.Single(s => s.Notebook == notebook && s.Cell == cell).Timestamp;
            return Stopwatch.GetElapsedTime(started, _finished[notebook]);
        }
    }

    public void NotebookStarted(NotebookTarget target, int codeCells)
    {
    }

    public void CellStarted(NotebookTarget target, int cell)
    {
        lock (_started)
        {
            _started.Add((target.Stem, cell, Stopwatch.GetTimestamp()));
        }
    }

    public void NotebookFinished(NotebookRunResult result)
    {
        lock (_started)
        {
            _finished[result.Target.Stem] = Stopwatch.GetTimestamp();
        }
    }
}

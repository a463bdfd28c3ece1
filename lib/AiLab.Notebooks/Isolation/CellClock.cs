using System.Diagnostics;

namespace AiLab.Notebooks.Isolation;

/// <summary>The parent's view of the notebook process: which cell runs, since when, and whether it finished. Thread-safe.</summary>
internal sealed class CellClock
{
    private readonly object _gate = new();
    private long _since = Stopwatch.GetTimestamp();
    private readonly Dictionary<int, string> _hints = [];

    /// <summary>Starts with <paramref name="firstCell"/> as the cell to blame if the process never starts a cell.</summary>
    public CellClock(int firstCell) => Cell = firstCell;

    /// <summary>The running cell, or the last one that ran.</summary>
    public int Cell { get; private set; }

    /// <summary>True once the process started its first cell (before, it is starting up).</summary>
    public bool Started { get; private set; }

    /// <summary>True once the process reported that its report file is complete.</summary>
    public bool Done { get; private set; }

    /// <summary>Time since the running cell started (or the previous one ended), or since the process finished.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return Stopwatch.GetElapsedTime(_since);
            }
        }
    }

    /// <summary>The child's hint about <paramref name="cell"/>, if it sent one.</summary>
    public string? HintFor(int cell)
    {
        lock (_gate)
        {
            return _hints.GetValueOrDefault(cell);
        }
    }

    /// <summary>Applies an event from the process.</summary>
    public void On(ChildEvent e)
    {
        lock (_gate)
        {
            switch (e.Kind)
            {
                case ChildEvent.Start:
                    Started = true;
                    Cell = e.Cell;
                    _since = Stopwatch.GetTimestamp();
                    break;
                case ChildEvent.End:
                    // The gap to the next cell is timed too, so a process that hangs between cells is caught.
                    _since = Stopwatch.GetTimestamp();
                    break;
                case ChildEvent.Hint when e.Text is not null:
                    _hints[e.Cell] = e.Text;
                    break;
                case ChildEvent.Done:
                    Done = true;
                    _since = Stopwatch.GetTimestamp();
                    break;
            }
        }
    }
}

using System.Globalization;
using AiLab.Notebooks.Execution;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// Watches the cell thread's queue: continuations waiting for long mean the thread is blocked on work that needs
/// the thread itself (<c>.Result</c> on an async call). Reports it once per cell as a hint for the timeout message.
/// </summary>
internal sealed class DeadlockWatch : IDisposable
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(5);

    private readonly SingleThreadSynchronizationContext _context;
    private readonly ChildEventWriter _events;
    private readonly Timer _timer;
    private int _cell;
    private int _hintedCell;

    /// <summary>Starts watching <paramref name="context"/>.</summary>
    public DeadlockWatch(SingleThreadSynchronizationContext context, ChildEventWriter events)
    {
        _context = context;
        _events = events;
        _timer = new Timer(_ => Check(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The running cell, set when it starts.</summary>
    public int Cell
    {
        set => Volatile.Write(ref _cell, value);
    }

    private void Check()
    {
        var cell = Volatile.Read(ref _cell);
        if (cell == 0 || cell == _hintedCell || _context.OldestPendingAge is not { } age || age < Threshold)
        {
            return;
        }
        _hintedCell = cell;
        _events.Write(new ChildEvent(ChildEvent.Hint, cell,
            $"the cell thread looks blocked: async continuations had waited {age.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s for it. " +
            "Cells run on one thread, so .Result, .Wait() or GetAwaiter().GetResult() on an async call deadlocks; use await."));
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();
}

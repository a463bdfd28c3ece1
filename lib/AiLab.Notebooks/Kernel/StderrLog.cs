namespace AiLab.Notebooks.Kernel;

/// <summary>The kernel's standard error (where native crashes and the runtime's fatal errors are printed): the last lines kept. Thread-safe.</summary>
internal sealed class StderrLog(int capacity = 200)
{
    private readonly Queue<string> _lines = new();
    private long _added;

    /// <summary>Lines added so far (a mark for <see cref="Since"/>).</summary>
    public long Count
    {
        get
        {
            lock (_lines)
            {
                return _added;
            }
        }
    }

    /// <summary>Adds a line.</summary>
    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            _added++;
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The kept lines added after mark <paramref name="mark"/> (from <see cref="Count"/>).</summary>
    public IReadOnlyList<string> Since(long mark)
    {
        lock (_lines)
        {
            var skip = (int)Math.Max(0, mark - (_added - _lines.Count));
            return [.. _lines.Skip(skip)];
        }
    }
}

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// What a process printed outside the protocol (native messages, crash reports) while its current cell ran: the
/// first lines (where a crash report starts) and the last ones, the middle elided. Thread-safe.
/// </summary>
internal sealed class OutputTail(int headLines, int tailLines)
{
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private int _omitted;

    /// <summary>Adds a line.</summary>
    public void Add(string line)
    {
        lock (_tail)
        {
            if (_head.Count < headLines)
            {
                _head.Add(line);
                return;
            }
            _tail.Enqueue(line);
            if (_tail.Count > tailLines)
            {
                _tail.Dequeue();
                _omitted++;
            }
        }
    }

    /// <summary>Forgets everything (a new cell starts).</summary>
    public void Clear()
    {
        lock (_tail)
        {
            _head.Clear();
            _tail.Clear();
            _omitted = 0;
        }
    }

    /// <summary>The kept lines in order, with a marker where lines were left out.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_tail)
            {
                return _omitted == 0 ? [.. _head, .. _tail] : [.. _head, $"… {_omitted} lines left out …", .. _tail];
            }
        }
    }
}

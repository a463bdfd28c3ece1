using System.Text;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Scripting;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// Collects the outputs of the running cell in the order they appear (console text merged into stream outputs,
/// displays, the trailing value) and tracks displays so that <c>Update</c> can change one from an earlier cell.
/// Thread-safe: cells may print from worker threads.
/// </summary>
internal sealed class OutputRecorder : IOutputSink
{
    /// <summary>Console text kept per cell; a runaway loop printing gigabytes must not take the process down.</summary>
    public const int MaxStreamChars = 2_000_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, CellOutput> _displays = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<DisplayUpdate> _updates = [];
    private List<CellOutput> _outputs = [];
    private CellOutput? _openStream;
    private readonly StringBuilder _openText = new();
    private int _streamChars;
    private bool _truncated;

    /// <summary>Adds console text to the current cell (joined to the previous output when it is the same stream).</summary>
    public void Stream(string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (_truncated)
            {
                return;
            }
            if (_streamChars + text.Length > MaxStreamChars)
            {
                text = text[..Math.Max(0, MaxStreamChars - _streamChars)] + $"\n… output truncated after {MaxStreamChars:N0} characters\n";
                _truncated = true;
            }
            _streamChars += text.Length;
            if (_openStream?.Stream != stream)
            {
                CloseStream();
                _openStream = CellOutput.ForStream(stream, "");
                _outputs.Add(_openStream);
            }
            _openText.Append(text);
        }
    }

    /// <inheritdoc />
    public void Display(string displayId, IReadOnlyDictionary<string, string> bundle)
    {
        var output = new CellOutput { Kind = OutputKind.Display, DisplayId = displayId, Data = new(bundle) };
        lock (_gate)
        {
            _displays[displayId] = output;
            Add(output);
        }
    }

    /// <inheritdoc />
    public void Update(string displayId, IReadOnlyDictionary<string, string> bundle)
    {
        lock (_gate)
        {
            if (!_displays.TryGetValue(displayId, out var output))
            {
                throw new InvalidOperationException($"no output with display id {displayId} was shown in this notebook");
            }
            output.Data = new(bundle);
            if (_reported.Contains(displayId))
            {
                _updates.Add(new DisplayUpdate(displayId, new(bundle)));
            }
        }
    }

    /// <summary>Adds any other output (the trailing value, an error) to the current cell.</summary>
    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            CloseStream();
            _outputs.Add(output);
        }
    }

    /// <summary>Ends the current cell: returns its outputs and starts collecting for the next.</summary>
    public List<CellOutput> TakeCellOutputs()
    {
        lock (_gate)
        {
            CloseStream();
            var outputs = _outputs;
            foreach (var output in outputs.Where(o => o.DisplayId is not null))
            {
                _reported.Add(output.DisplayId!);
            }
            _outputs = [];
            _streamChars = 0;
            _truncated = false;
            return outputs;
        }
    }

    /// <summary>Updates made to displays of cells already taken, in order; clears the list.</summary>
    public List<DisplayUpdate> TakeUpdates()
    {
        lock (_gate)
        {
            var updates = _updates.ToList();
            _updates.Clear();
            return updates;
        }
    }

    private void CloseStream()
    {
        if (_openStream is not null)
        {
            _openStream.Text = _openText.ToString();
            _openText.Clear();
            _openStream = null;
        }
    }
}

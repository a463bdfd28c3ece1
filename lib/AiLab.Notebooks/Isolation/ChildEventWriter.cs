using System.Text;

namespace AiLab.Notebooks.Isolation;

/// <summary>Writes <see cref="ChildEvent"/> lines to the process's real standard output (cells' console output is captured elsewhere).</summary>
internal sealed class ChildEventWriter : IDisposable
{
    private readonly Stream _stdout;
    private readonly object _gate = new();

    private ChildEventWriter(Stream stdout) => _stdout = stdout;

    /// <summary>Opens the standard output stream; call before the console is redirected.</summary>
    public static ChildEventWriter OpenStandardOutput() => new(Console.OpenStandardOutput());

    /// <summary>Writes one event. Each line is preceded by a newline, so native output without one cannot glue to it.</summary>
    public void Write(ChildEvent e)
    {
        var bytes = Encoding.UTF8.GetBytes("\n" + e.Format() + "\n");
        lock (_gate)
        {
            _stdout.Write(bytes);
            _stdout.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stdout.Dispose();
}

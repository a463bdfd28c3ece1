using System.Diagnostics;
using System.Threading.Channels;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// One official kernel process (<c>dotnet-interactive stdio</c>) for one notebook: lines in on standard input, JSON
/// lines out on standard output, everything else kept from standard error. Dispose kills it and its process group.
/// </summary>
internal sealed class KernelProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pumps;

    private KernelProcess(Process process)
    {
        _process = process;
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(line);
            }
            _lines.Writer.TryComplete();
        });
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                Stderr.Add(line);
            }
        });
        _pumps = Task.WhenAll(stdout, stderr);
        Exited = process.WaitForExitAsync();
    }

    /// <summary>The process id (also its process group id when started under <c>setsid</c>).</summary>
    public int Id => _process.Id;

    /// <summary>Standard output's lines, completed when the process closes it (it exited).</summary>
    public ChannelReader<string> Lines => _lines.Reader;

    /// <summary>What the process printed on standard error.</summary>
    public StderrLog Stderr { get; } = new();

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited { get; }

    /// <summary>The exit code once exited (for the wrapper shell: the kernel's, or 128 + signal).</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts a kernel as <paramref name="start"/> describes (see <see cref="KernelLauncher.StartInfo"/>).</summary>
    public static async Task<KernelProcess> StartAsync(ProcessStartInfo start)
    {
        var kernel = new KernelProcess(await KernelLauncher.StartAsync(start));
        LiveKernels.Add(kernel);
        return kernel;
    }

    /// <summary>Writes one protocol line.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the process group (kernel, <c>dotnet tool run</c>, wrapper) and the process tree; safe to repeat.</summary>
    public void Kill()
    {
        if (KernelLauncher.CanGuardAgainstOrphans)
        {
            ProcessGroup.Kill(_process.Id);
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already exited
        }
    }

    /// <summary>Kills the kernel and waits (briefly) for its output to drain.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.WhenAny(Task.WhenAll(Exited, _pumps), Task.Delay(TimeSpan.FromSeconds(5)));
        LiveKernels.Remove(this);
        _process.Dispose();
    }
}

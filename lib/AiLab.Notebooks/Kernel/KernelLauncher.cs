using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// Starts kernel processes so that none outlives the runner. Each kernel runs under
/// <c>setsid setpriv --pdeathsig TERM sh -c '…'</c>: its own process group (killed as a whole), and a shell that
/// receives SIGTERM when the runner dies — however it dies, SIGKILL included — and then kills the group.
/// The kernel itself is a grandchild (<c>dotnet tool run</c> starts it), so a parent-death signal on the direct
/// child alone would not reach it; the shell's trap does.
/// </summary>
internal static class KernelLauncher
{
    // Linux sends the parent-death signal when the *thread* that forked the child ends, not the process; thread-pool
    // threads retire when idle, which would kill a healthy kernel. So every kernel is started from this one thread,
    // which lives as long as the runner.
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Done)> Requests = [];
    private static readonly Lazy<Thread> LauncherThread = new(() =>
    {
        var thread = new Thread(LaunchLoop) { IsBackground = true, Name = "ailab kernel launcher" };
        thread.Start();
        return thread;
    });

    // Kill the group when the wrapper gets TERM (the runner died), INT or HUP. The kernel runs as a background job
    // so the shell can take the signal while it waits; a background job's stdin is /dev/null before its own
    // redirections, so stdin (the runner's pipe) is kept on fd 3 first (measured: `<&0` alone reads nothing).
    private const string WrapperScript = "trap 'kill -KILL 0' TERM INT HUP; exec 3<&0; \"$@\" <&3 3<&- & wait $!";

    /// <summary>True when the util-linux wrappers are present; without them a kernel is only stopped by the runner itself.</summary>
    public static bool CanGuardAgainstOrphans { get; } = OperatingSystem.IsLinux() && OnPath("setsid") && OnPath("setpriv");

    /// <summary>
    /// The start description of a kernel for a notebook in <paramref name="notebookDirectory"/>, with
    /// <paramref name="environment"/> added to the runner's environment.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel tool is not pinned anywhere.</exception>
    public static ProcessStartInfo StartInfo(string notebookDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        string[] kernel = ["dotnet", "tool", "run", "dotnet-interactive", "--", "stdio", "--working-dir", notebookDirectory];
        var start = new ProcessStartInfo
        {
            WorkingDirectory = KernelTool.FindManifestRoot(notebookDirectory),
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        IEnumerable<string> arguments = CanGuardAgainstOrphans
            ? ["setpriv", "--pdeathsig", "TERM", "--", "sh", "-c", WrapperScript, "ailab-kernel", .. kernel]
            : kernel[1..];
        start.FileName = CanGuardAgainstOrphans ? "setsid" : "dotnet";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The kernel's first-run banner and telemetry are noise on the protocol stream.
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return start;
    }

    /// <summary>Starts <paramref name="start"/> from the launcher thread.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        _ = LauncherThread.Value;
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, done));
        return done.Task;
    }

    private static void LaunchLoop()
    {
        foreach (var (start, done) in Requests.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

using System.Diagnostics;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

/// <summary>
/// No kernel outlives the runner: the runner CLI runs a notebook whose cell never ends, is killed while the kernel
/// runs it, and the kernel (and <c>dotnet tool run</c> above it) must be gone soon after.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class OrphanTests
{
    private static readonly TimeSpan KernelAppears = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan KernelGone = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task KillingTheRunner_LeavesNoKernel(string signal)
    {
        var folder = TestPaths.NewTempDirectory("orphan");
        var notebook = Path.Combine(folder, "sleep.dib");
        File.Copy(Path.Combine(TestPaths.TestNotebooks, "sleep.dib"), notebook);
        var start = new ProcessStartInfo(DotnetHost(), [typeof(NotebookRunner).Assembly.Location, "run", notebook, "--out", Path.Combine(folder, "out"), "--timeout", "300"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        using var runner = Process.Start(start)!;
        try
        {
            Assert.True(await WaitAsync(() => KernelsIn(folder).Count > 0, KernelAppears), "the kernel never started");
            await Task.Delay(TimeSpan.FromSeconds(2)); // let it reach the endless cell

            Signal(runner.Id, signal);
            await runner.WaitForExitAsync().WaitAsync(KernelGone);

            Assert.True(await WaitAsync(() => KernelsIn(folder).Count == 0, KernelGone),
                $"kernel processes left after SIG{signal}: {string.Join(", ", KernelsIn(folder))}");
        }
        finally
        {
            foreach (var pid in KernelsIn(folder))
            {
                Signal(pid, "KILL");
            }
            if (!runner.HasExited)
            {
                runner.Kill(entireProcessTree: true);
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    // Processes whose command line names the folder: the wrapper, dotnet tool run and the kernel (--working-dir).
    private static List<int> KernelsIn(string folder)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("stdio", StringComparison.Ordinal) && commandLine.Contains(folder, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return condition();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

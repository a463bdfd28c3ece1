using System.Collections.Concurrent;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// The kernels this runner has running, stopped when the runner exits normally or by SIGTERM/SIGINT (the .NET
/// runtime raises ProcessExit then). A runner killed outright relies on the parent-death signal instead
/// (<see cref="KernelLauncher"/>).
/// </summary>
internal static class LiveKernels
{
    private static readonly ConcurrentDictionary<KernelProcess, byte> Running = new();

    static LiveKernels() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    /// <summary>How many kernels are running.</summary>
    public static int Count => Running.Count;

    /// <summary>Records a started kernel.</summary>
    public static void Add(KernelProcess kernel) => Running.TryAdd(kernel, 0);

    /// <summary>Forgets a stopped kernel.</summary>
    public static void Remove(KernelProcess kernel) => Running.TryRemove(kernel, out _);

    /// <summary>Kills every running kernel.</summary>
    public static void KillAll()
    {
        foreach (var kernel in Running.Keys)
        {
            kernel.Kill();
        }
    }
}

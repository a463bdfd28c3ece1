using System.Runtime.InteropServices;

namespace AiLab.Notebooks.Kernel;

/// <summary>Signals a whole process group (the kernel, <c>dotnet tool run</c> and the wrapper shell) at once.</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL to every process of group <paramref name="groupId"/>; false when none was left.</summary>
    public static bool Kill(int groupId) => OperatingSystem.IsLinux() && groupId > 1 && kill(-groupId, SigKill) == 0;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for one int-only call.
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}

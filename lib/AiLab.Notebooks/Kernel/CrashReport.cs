using System.Globalization;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// Explains a kernel that died: the line of its standard error that says why (libtorch's <c>what():</c>, the
/// runtime's <c>Stack overflow.</c>, a fatal error), then the exit status and the last lines it printed.
/// </summary>
internal static class CrashReport
{
    private const int ContextLines = 12;

    /// <summary>The message for a kernel that exited with <paramref name="exitCode"/> while cell <paramref name="cell"/> (file line <paramref name="line"/>) ran.</summary>
    public static string Describe(IReadOnlyList<string> stderr, int? exitCode, int cell, int line)
    {
        var reason = Reason(stderr);
        var died = string.Create(CultureInfo.InvariantCulture,
            $"the kernel process died ({Status(exitCode)}) while running cell {cell} (line {line})");
        var context = stderr.Count == 0 ? "" : "\nits last standard error lines:\n" + string.Join('\n', stderr.TakeLast(ContextLines).Select(l => "  " + l));
        return reason is null ? died + context : $"{reason}\n{died}{context}";
    }

    /// <summary>The one line that says why, or null: <c>what():</c>'s text (C++ exceptions: libtorch), else the runtime's own fatal line.</summary>
    public static string? Reason(IReadOnlyList<string> stderr)
    {
        foreach (var line in stderr)
        {
            var what = line.IndexOf("what():", StringComparison.Ordinal);
            if (what >= 0)
            {
                return line[(what + "what():".Length)..].Trim();
            }
        }
        return stderr.Select(l => l.Trim()).FirstOrDefault(l =>
            l.StartsWith("Stack overflow", StringComparison.Ordinal) ||
            l.StartsWith("Process terminated.", StringComparison.Ordinal) ||
            l.StartsWith("Fatal error.", StringComparison.Ordinal) ||
            l.StartsWith("Unhandled exception.", StringComparison.Ordinal) ||
            l.StartsWith("terminate called", StringComparison.Ordinal) ||
            l.StartsWith("Segmentation fault", StringComparison.Ordinal));
    }

    private static string Status(int? exitCode) => exitCode switch
    {
        null => "no exit status",
        > 128 and < 128 + 32 => $"signal {exitCode - 128}{SignalName(exitCode.Value - 128)}",
        _ => $"exit code {exitCode}",
    };

    private static string SignalName(int signal) => signal switch
    {
        6 => " SIGABRT",
        9 => " SIGKILL",
        11 => " SIGSEGV",
        15 => " SIGTERM",
        _ => "",
    };
}

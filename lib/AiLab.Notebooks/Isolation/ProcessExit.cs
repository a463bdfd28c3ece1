namespace AiLab.Notebooks.Isolation;

/// <summary>Describes how a process ended, for crash reports.</summary>
internal static class ProcessExit
{
    /// <summary><c>exit code 3</c>, or <c>signal 11 (SIGSEGV)</c> for the 128+N codes of a process killed by a signal.</summary>
    public static string Describe(int exitCode)
    {
        if (exitCode is > 128 and < 160 && !OperatingSystem.IsWindows())
        {
            var signal = exitCode - 128;
            var name = signal switch
            {
                4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL, often the out-of-memory killer",
                11 => "SIGSEGV", 15 => "SIGTERM", _ => null,
            };
            return name is null ? $"signal {signal}" : $"signal {signal} ({name})";
        }
        return $"exit code {exitCode}";
    }
}

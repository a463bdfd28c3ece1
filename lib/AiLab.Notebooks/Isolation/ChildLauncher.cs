using System.Diagnostics;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// Starts this same program (the <c>ailab</c> CLI, assembly AiLab.Notebooks) as a child process, whether it runs as
/// its apphost, through <c>dotnet</c>, or inside a test host.
/// </summary>
internal static class ChildLauncher
{
    /// <summary>A start description running <c>ailab</c> with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { UseShellExecute = false };
        var processPath = Environment.ProcessPath;
        var program = typeof(ChildLauncher).Assembly;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == program.GetName().Name)
        {
            start.FileName = processPath;
        }
        else
        {
            start.FileName = DotnetHost(processPath);
            start.ArgumentList.Add(program.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static string DotnetHost(string? processPath)
    {
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }
        // Set by the dotnet CLI for the processes it starts (dotnet test, dotnet run).
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }
        return "dotnet";
    }
}

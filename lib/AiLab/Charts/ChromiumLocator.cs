namespace AiLab.Charts;

/// <summary>Finds a Chromium or Chrome executable for headless rendering.</summary>
internal static class ChromiumLocator
{
    /// <summary>Environment variable naming the browser executable explicitly.</summary>
    public const string OverrideVariable = "AILAB_CHROMIUM";

    private static readonly string[] CommandNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    // macOS installs apps outside PATH.
    private static readonly string[] KnownPaths =
    [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];

    /// <summary>The browser from <c>AILAB_CHROMIUM</c>, else the first of chromium, chromium-browser, google-chrome… on PATH.</summary>
    public static string Find() => Find(Environment.GetEnvironmentVariable(OverrideVariable), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Find()"/>, with the environment passed in (so tests need not change the process's).</summary>
    public static string Find(string? overridePath, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            if (File.Exists(overridePath)) return overridePath;
            throw new FileNotFoundException(
                $"{OverrideVariable} is set to \"{overridePath}\", which does not exist. Point it at a Chromium or Chrome executable, or unset it.",
                overridePath);
        }
        var folders = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in CommandNames)
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        foreach (var path in KnownPaths)
            if (File.Exists(path)) return path;
        throw new FileNotFoundException(
            "No headless browser found for PNG export: none of " + string.Join(", ", CommandNames) +
            " is on PATH. Install Debian's chromium (make setup does it: apt-get install chromium) or set " +
            OverrideVariable + " to a Chromium/Chrome executable.");
    }
}

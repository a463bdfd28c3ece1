using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AiLab.Charts.Browser;

/// <summary>
/// One headless Chromium process with a fresh profile, driven over the DevTools protocol on a pipe.
/// It cannot reach the network (every host name resolves to nothing), so pages render exactly as they
/// would offline. Dispose closes the browser and deletes the profile.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    /// <summary>How long one protocol command may take (loading 5 MB of plotly.js on a busy 2-core machine included).</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly CdpConnection connection;
    private readonly Queue<string> stderrTail = new();
    private int disposed;

    private HeadlessChromium(Process process, string profileDirectory)
    {
        this.process = process;
        ProfileDirectory = profileDirectory;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data);
                if (stderrTail.Count > 40) stderrTail.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        connection = new CdpConnection(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
    }

    /// <summary>The browser's temporary profile folder; files written here are deleted with it.</summary>
    public string ProfileDirectory { get; }

    /// <summary>Browser product and version, e.g. <c>HeadlessChrome/156.0…</c>.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Starts <paramref name="executable"/> (found by <see cref="ChromiumLocator"/> when null) and checks it answers.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(string? executable = null)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("PNG export talks to Chromium over file descriptors 3 and 4 (--remote-debugging-pipe), which needs Linux or macOS.");
        executable ??= ChromiumLocator.Find();
        SweepStaleProfiles();
        var profile = Directory.CreateTempSubdirectory(ProfilePrefix).FullName;
        File.WriteAllText(Path.Combine(profile, OwnerFile), OwnerStamp(Environment.ProcessId));
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The DevTools pipe is fd 3 (commands in) and fd 4 (replies out): map them onto our stdin and stdout
        // pipes, and send the browser's own stdout to stderr so it cannot corrupt the protocol stream.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2");
        start.ArgumentList.Add(executable);
        foreach (var flag in Flags(profile)) start.ArgumentList.Add(flag);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            TryDeleteDirectory(profile);
            throw new InvalidOperationException($"Could not start the headless browser {executable}: {e.Message}", e);
        }
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var version = await browser.connection.SendAsync("Browser.getVersion", null, null, CommandTimeout).ConfigureAwait(false);
            browser.Version = (string?)version["product"] ?? "";
            return browser;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            var log = browser.StderrTail();
            browser.Dispose();
            throw new InvalidOperationException($"The headless browser {executable} did not start: {e.Message}\n{log}", e);
        }
    }

    private static IEnumerable<string> Flags(string profile) =>
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--mute-audio",
        // Offline by construction: no host name resolves, and no proxy is consulted.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--no-proxy-server",
        "--user-data-dir=" + profile,
        "--remote-debugging-pipe",
        "about:blank",
    ];

    /// <summary>Opens a new tab with Runtime, Page, Log and Network events enabled.</summary>
    public async Task<BrowserPage> OpenPageAsync()
    {
        var target = await connection.SendAsync("Target.createTarget", new { url = "about:blank" }, null, CommandTimeout).ConfigureAwait(false);
        var targetId = (string?)target["targetId"] ?? throw new InvalidOperationException("Chromium created a tab without a target id.");
        var attached = await connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true }, null, CommandTimeout).ConfigureAwait(false);
        var sessionId = (string?)attached["sessionId"] ?? throw new InvalidOperationException("Chromium attached to a tab without a session id.");
        var page = new BrowserPage(connection, targetId, sessionId);
        await page.EnableEventsAsync().ConfigureAwait(false);
        return page;
    }

    /// <summary>The last lines Chromium wrote to stderr, for error messages.</summary>
    public string StderrTail()
    {
        lock (stderrTail) return string.Join('\n', stderrTail);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        try
        {
            connection.SendAsync("Browser.close", null, null, TimeSpan.FromSeconds(5)).Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Already gone or unresponsive: it is killed below.
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }
        }
        connection.Dispose();
        process.Dispose();
        TryDeleteDirectory(ProfileDirectory);
    }

    private const string ProfilePrefix = "ailab-chromium-";
    private const string OwnerFile = "ailab-owner";

    /// <summary>"pid start-time": the pair identifies a process even after its id is reused.</summary>
    private static string? OwnerStamp(int processId)
    {
        try
        {
            using var owner = Process.GetProcessById(processId);
            return $"{processId} {owner.StartTime.ToUniversalTime().Ticks}";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null; // Not running.
        }
    }

    /// <summary>
    /// Deletes profiles left behind by processes that died before disposing their browser (a killed notebook,
    /// a test host that exited): the browser itself exits with its owner, since its pipe closes, but the folder stays.
    /// </summary>
    private static void SweepStaleProfiles()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), ProfilePrefix + "*"))
        {
            var stampFile = Path.Combine(folder, OwnerFile);
            string? stamp;
            try
            {
                stamp = File.Exists(stampFile) ? File.ReadAllText(stampFile) : null;
            }
            catch (IOException)
            {
                continue;
            }
            var stale = stamp is null
                ? Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1)
                : !int.TryParse(stamp.Split(' ')[0], out var pid) || OwnerStamp(pid) != stamp;
            if (stale) TryDeleteDirectory(folder);
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException)
            {
                // Chromium's helper processes may still be closing files; try again shortly.
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}

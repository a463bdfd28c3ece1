using PuppeteerSharp;

namespace AiLab.Charts;

/// <summary>
/// Draws chart JSON to PNG with plotly.js's own <c>Plotly.toImage</c> in headless Chromium (PuppeteerSharp). One
/// browser and one page holding plotly.js serve the whole process: measured here, starting a browser per image (as
/// Plotly.NET.ImageExport 7 does) cost 4.3–5.3 s per image (2.4 s on a quiet machine), a kept page 0.44 s at scale 2.
/// The browser closes when the process exits.
/// </summary>
internal static class PngRenderer
{
    /// <summary>
    /// Chromium flags that work in a sandbox-less container on a closed network: without the background-networking
    /// ones Chromium's own connections are refused and slow it down; a fresh profile per process.
    /// </summary>
    internal static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IBrowser? browser;
    private static IPage? page;
    private static string? profile;
    private static int launches;

    /// <summary>How many browsers this process has started (one, unless a browser crashed).</summary>
    internal static int Launches => Volatile.Read(ref launches);

    /// <summary>PNG bytes of the figure <c>{"data", "layout", "config"}</c> at <paramref name="width"/> × <paramref name="height"/> CSS pixels times <paramref name="scale"/>.</summary>
    public static byte[] Render(string figureJson, int width, int height, double scale) =>
        Task.Run(() => RenderAsync(figureJson, width, height, scale)).GetAwaiter().GetResult();

    private static async Task<byte[]> RenderAsync(string figureJson, int width, int height, double scale)
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var target = await PageAsync().ConfigureAwait(false);
            var dataUrl = await target.EvaluateFunctionAsync<string>(
                "(figure, width, height, scale) => Plotly.toImage({ data: figure.data, layout: figure.layout, config: figure.config }, " +
                "{ format: 'png', width: width, height: height, scale: scale })",
                System.Text.Json.JsonDocument.Parse(figureJson).RootElement, width, height, scale).ConfigureAwait(false);
            const string prefix = "data:image/png;base64,";
            if (dataUrl is null || !dataUrl.StartsWith(prefix, StringComparison.Ordinal))
                throw new InvalidOperationException("plotly.js did not return a PNG data URL.");
            return Convert.FromBase64String(dataUrl[prefix.Length..]);
        }
        catch (Exception error) when (error is PuppeteerException or TargetClosedException)
        {
            // A crashed or closed browser is started afresh on the next call.
            await CloseAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Headless Chromium failed while drawing a PNG: {error.Message}", error);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IPage> PageAsync()
    {
        if (page is { IsClosed: false }) return page;
        await CloseAsync().ConfigureAwait(false);
        profile = Directory.CreateTempSubdirectory("ailab-chromium-").FullName;
        Interlocked.Increment(ref launches);
        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumLocator.Find(),
            Headless = true,
            Args = [.. ChromiumFlags, "--user-data-dir=" + profile],
        }).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        page = await browser.NewPageAsync().ConfigureAwait(false);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>").ConfigureAwait(false);
        await page.AddScriptTagAsync(new AddTagOptions { Content = PlotlyJs.Source }).ConfigureAwait(false);
        return page;
    }

    private static async Task CloseAsync()
    {
        var (closing, folder) = (browser, profile);
        (browser, page, profile) = (null, null, null);
        if (closing is not null)
        {
            try { await closing.CloseAsync().ConfigureAwait(false); }
            catch (PuppeteerException) { }
            await closing.DisposeAsync().ConfigureAwait(false);
        }
        if (folder is not null)
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
    }

    private static void OnProcessExit(object? sender, EventArgs e) => CloseAsync().GetAwaiter().GetResult();
}

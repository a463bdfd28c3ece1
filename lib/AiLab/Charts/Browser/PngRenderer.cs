using System.Globalization;

namespace AiLab.Charts.Browser;

/// <summary>
/// Renders figures to PNG with plotly.js's own <c>Plotly.toImage</c> in headless Chromium. One browser with
/// plotly.js loaded serves every call in the process (starting it costs about a second; a render, tens of
/// milliseconds); it closes after a short idle period and when the process exits.
/// </summary>
internal static class PngRenderer
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Timer IdleTimer = new(_ => CloseIfIdle());
    private static HeadlessChromium? browser;
    private static BrowserPage? page;

    static PngRenderer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseIfIdle();

    /// <summary>PNG bytes of the figure JSON (<c>{data, layout, config}</c>) at the given CSS pixel size and scale.</summary>
    public static byte[] Render(string figureJson, int width, int height, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        // Notebook cells run without a synchronization context, so blocking here cannot deadlock.
        return RenderAsync(figureJson, width, height, scale).GetAwaiter().GetResult();
    }

    private static async Task<byte[]> RenderAsync(string figureJson, int width, int height, double scale)
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            IdleTimer.Change(Timeout.Infinite, Timeout.Infinite);
            var tab = page ?? await StartAsync().ConfigureAwait(false);
            var options = string.Create(CultureInfo.InvariantCulture, $"{{format: 'png', width: {width}, height: {height}, scale: {scale}}}");
            string dataUrl;
            try
            {
                dataUrl = (string?)await tab.EvaluateAsync($"Plotly.toImage({figureJson}, {options})").ConfigureAwait(false)
                    ?? throw new InvalidOperationException("Plotly.toImage returned nothing.");
            }
            catch (BrowserScriptException)
            {
                throw; // The figure's fault, not the browser's.
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                // The browser itself failed (not the figure): start a fresh one next time.
                Close();
                throw new InvalidOperationException($"PNG rendering failed in headless Chromium: {e.Message}", e);
            }
            const string prefix = "data:image/png;base64,";
            if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"Plotly.toImage returned something other than a PNG: {dataUrl[..Math.Min(40, dataUrl.Length)]}…");
            return Convert.FromBase64String(dataUrl[prefix.Length..]);
        }
        finally
        {
            IdleTimer.Change(IdleTimeout, Timeout.InfiniteTimeSpan);
            Gate.Release();
        }
    }

    private static async Task<BrowserPage> StartAsync()
    {
        browser = await HeadlessChromium.LaunchAsync().ConfigureAwait(false);
        try
        {
            var html = Path.Combine(browser.ProfileDirectory, "ailab-renderer.html");
            var plotly = new Uri(PlotlyJsLibrary.Path).AbsoluteUri;
            File.WriteAllText(html, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"{plotly}\"></script></head><body></body></html>");
            page = await browser.OpenPageAsync().ConfigureAwait(false);
            await page.NavigateAsync(new Uri(html).AbsoluteUri).ConfigureAwait(false);
            var loaded = await page.EvaluateAsync("typeof Plotly === 'object' && typeof Plotly.toImage === 'function'").ConfigureAwait(false);
            if (loaded?.GetValue<bool>() != true)
                throw new InvalidOperationException($"plotly.js did not load in the headless browser from {PlotlyJsLibrary.Path}: {string.Join("; ", page.Errors)}");
            return page;
        }
        catch
        {
            Close();
            throw;
        }
    }

    private static void CloseIfIdle()
    {
        if (!Gate.Wait(0)) return; // In use: the next render re-arms the timer.
        try
        {
            Close();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        page = null; // Closing the browser closes its tabs.
        browser?.Dispose();
        browser = null;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using AiLab.Charts.Browser;

namespace AiLab.Tests.Charts;

/// <summary>One headless Chromium for all browser tests (it cannot reach the network), plus a scratch folder.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private HeadlessChromium? browser;

    public string Folder { get; } = Directory.CreateTempSubdirectory("ailab-chart-tests-").FullName;

    internal HeadlessChromium Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync() => browser = await HeadlessChromium.LaunchAsync();

    public Task DisposeAsync()
    {
        browser?.Dispose();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Opens <paramref name="file"/> in a new tab and waits (up to 20 s) until plotly has drawn into <paramref name="elementSelector"/>.</summary>
    internal async Task<BrowserPage> OpenChartAsync(string file, string elementSelector = "#chart")
    {
        var page = await Browser.OpenPageAsync();
        await page.NavigateAsync(new Uri(file).AbsoluteUri);
        await WaitForAsync(page, $"document.querySelectorAll('{elementSelector} .main-svg').length > 0");
        return page;
    }

    internal static async Task WaitForAsync(BrowserPage page, string condition, int timeoutMs = 20000)
    {
        var ready = await page.EvaluateAsync($$"""
            new Promise(resolve => {
              const start = Date.now();
              (function poll() {
                if ({{condition}}) resolve(true);
                else if (Date.now() - start > {{timeoutMs}}) resolve(false);
                else setTimeout(poll, 50);
              })();
            })
            """);
        Assert.True(ready?.GetValue<bool>() == true, $"Timed out waiting for {condition}. Page errors: {string.Join("; ", page.Errors)}");
    }

    /// <summary>What the PNG holds, measured by the browser: size, share of non-white pixels, number of distinct colours.</summary>
    public async Task<(int Width, int Height, double InkShare, int Colors)> MeasurePngAsync(byte[] png)
    {
        await using var page = await Browser.OpenPageAsync();
        var result = (await page.EvaluateAsync($$"""
            new Promise((resolve, reject) => {
              const image = new Image();
              image.onload = () => {
                const canvas = document.createElement('canvas');
                canvas.width = image.width; canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const data = context.getImageData(0, 0, image.width, image.height).data;
                let ink = 0; const colors = new Set();
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) ink++;
                  if (colors.size < 1000) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
                }
                resolve({ width: image.width, height: image.height, ink: ink / (data.length / 4), colors: colors.size });
              };
              image.onerror = () => reject(new Error('not a decodable PNG'));
              image.src = 'data:image/png;base64,{{Convert.ToBase64String(png)}}';
            })
            """))!.AsObject();
        return ((int)result["width"]!, (int)result["height"]!, (double)result["ink"]!, (int)result["colors"]!);
    }

    /// <summary>Counts plotly's drawn trace groups of every kind inside <paramref name="elementSelector"/>.</summary>
    internal static async Task<int> DrawnTracesAsync(BrowserPage page, string elementSelector = "#chart") =>
        (int)(await page.EvaluateAsync(string.Create(CultureInfo.InvariantCulture,
            $"document.querySelectorAll('{elementSelector} .cartesianlayer .trace, {elementSelector} .cartesianlayer .hm, {elementSelector} .cartesianlayer .im').length")))!;

    internal static async Task<JsonNode?> FullDataCountAsync(BrowserPage page, string elementSelector = "#chart") =>
        await page.EvaluateAsync($"document.querySelector('{elementSelector}')._fullData.length");
}

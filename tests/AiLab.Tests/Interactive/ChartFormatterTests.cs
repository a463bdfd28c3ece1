using AiLab.Charts;
using AiLab.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace AiLab.Tests.Interactive;

/// <summary>
/// The text/html formatter, registered through reflection with the kernel's Formatting assembly (referenced here
/// only by the tests, as the kernel would have it loaded), draws charts with window.Plotly and carries plotly.js once.
/// </summary>
public sealed class ChartFormatterTests
{
    [Fact]
    public void Registered_ChartFormatsAsPlotlyHtmlCarryingTheLibraryOnce()
    {
        ChartFormatter.Register(typeof(Formatter).Assembly);
        Assert.True(ChartFormatter.IsRegistered);
        ChartDisplay.ResendPlotlyJs();
        var first = LabChart.Roc([0, 1, 0, 1], [0.1, 0.9, 0.4, 0.6], "m").ToDisplayString("text/html");
        var second = Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0, 2 }, new[] { 3.0, 4 }).ToDisplayString("text/html");
        Assert.StartsWith("<div id=\"ailab-chart-", first);
        Assert.Contains("window.Plotly.newPlot(element, figure.data, figure.layout, figure.config)", first);
        Assert.Contains("plotly.js v" + PlotlyJs.Version, first);
        Assert.True(first.Length > PlotlyJs.Source.Length);
        // Later outputs reuse the page's window.Plotly; any Plotly.NET chart, not only ours, is formatted.
        Assert.Contains("window.Plotly.newPlot", second);
        Assert.DoesNotContain("plotly.js v", second);
        Assert.InRange(second.Length, 500, 50_000);
        Assert.DoesNotContain("cdn", first[..200] + second, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PageProvidesPlotly_NoOutputCarriesTheLibrary()
    {
        var previous = Environment.GetEnvironmentVariable(ChartDisplay.PlotlyJsVariable);
        try
        {
            Environment.SetEnvironmentVariable(ChartDisplay.PlotlyJsVariable, "page");
            ChartDisplay.ResendPlotlyJs();
            var html = ChartDisplay.ToHtml(LabChart.Bar(["a"], [1.0]));
            Assert.DoesNotContain("plotly.js v", html);
            Assert.Contains("if (window.Plotly)", html);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChartDisplay.PlotlyJsVariable, previous);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AiLab.Charts;
using Plotly.NET;

namespace AiLab.Tests.Charts;

/// <summary>A chart read back as the plotly.js JSON it sends to the browser, and the files next to these tests.</summary>
internal static class ChartJson
{
    public static JsonNode Figure(GenericChart chart) => JsonNode.Parse(ChartHtml.FigureJson(chart))!;

    public static JsonArray Traces(GenericChart chart) => Figure(chart)["data"]!.AsArray();

    public static JsonNode Layout(GenericChart chart) => Figure(chart)["layout"]!;

    public static JsonNode Trace(GenericChart chart, string name) =>
        Traces(chart).Single(t => (string?)t!["name"] == name)!;

    public static double[] Doubles(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => (string)v!).ToArray();

    public static string Fixture(string name, [CallerFilePath] string callerSource = "") => FixtureFiles.PathOf(name, callerSource);
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiLab.Charts;

namespace AiLab.Tests.Interactive;

/// <summary>
/// In the official .NET Interactive kernel (the local tool VS Code launches), as a notebook uses it: Plotly.NET
/// from NuGet, AiLab by path, a cell returning a chart and one displaying it. Proves the FSharp.Core bridge (the
/// kernel's FSharp.Core 10.0 is the only one loaded), the text/html formatter and PNG export. About a minute.
/// </summary>
public sealed class KernelDisplayTests
{
    [Fact]
    public void OfficialKernel_ShowsChartsAsPlotlyHtmlWithTheKernelsFSharpCore()
    {
        var repository = RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("ailab-kernel-").FullName;
        try
        {
            // `dotnet tool run` finds the kernel through the repository's tool manifest.
            Directory.CreateDirectory(Path.Combine(folder, ".config"));
            File.Copy(Path.Combine(repository, ".config", "dotnet-tools.json"), Path.Combine(folder, ".config", "dotnet-tools.json"));
            using var kernel = Kernel.Start(folder);
            kernel.Submit("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"");
            kernel.Submit($"#r \"{typeof(LabChart).Assembly.Location}\"");
            var returned = kernel.Submit("using AiLab.Charts;\nLabChart.Roc(new[] { 0, 1, 0, 1, 1 }, new[] { 0.1, 0.8, 0.4, 0.35, 0.9 }, \"m\")");
            var roc = Html(returned, "ReturnValueProduced");
            Assert.Contains("window.Plotly.newPlot(element, figure.data, figure.layout, figure.config)", roc);
            Assert.Contains("m (AUC = 0.833)", roc);
            Assert.Contains("plotly.js v" + PlotlyJs.Version, roc);
            var displayed = Html(kernel.Submit("display(LabChart.Bar(new[] { \"a\", \"b\" }, new[] { 1.0, 2.0 }));"), "DisplayedValueProduced");
            Assert.Contains("window.Plotly.newPlot", displayed);
            Assert.DoesNotContain("plotly.js v", displayed);
            var fsharpCore = kernel.Submit("string.Join(\";\", AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == \"FSharp.Core\").Select(a => a.GetName().Version))");
            Assert.Equal("10.0.0.0", Value(fsharpCore, "ReturnValueProduced", "text/plain"));
            // PNG export inside the kernel: PuppeteerSharp with the host's Microsoft.Extensions.Logging 10.
            var png = Path.Combine(folder, "bar.png");
            var saved = kernel.Submit($"var png = System.IO.File.ReadAllBytes(LabChart.Bar(new[] {{ \"a\" }}, new[] {{ 1.0 }}).SavePng(@\"{png}\", 300, 200));\n" +
                "(png[1] == (byte)'P' && png.Length > 1000).ToString()");
            Assert.Equal("True", Value(saved, "ReturnValueProduced", "text/plain"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Html(IReadOnlyList<JsonNode> events, string eventType) => Value(events, eventType, "text/html");

    private static string Value(IReadOnlyList<JsonNode> events, string eventType, string mimeType)
    {
        var produced = events.FirstOrDefault(e => (string?)e["eventType"] == eventType)
            ?? throw new Xunit.Sdk.XunitException($"No {eventType}; events: {string.Join(", ", events.Select(e => (string?)e["eventType"]))}");
        return produced["event"]!["formattedValues"]!.AsArray().Where(v => (string?)v!["mimeType"] == mimeType).Select(v => (string)v!["value"]!).Single();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "AiLab.slnx"))) return folder.FullName;
        throw new InvalidOperationException("The tests run outside the repository.");
    }

    /// <summary>The kernel over stdio: one JSON command envelope per line in, event envelopes out.</summary>
    private sealed class Kernel : IDisposable
    {
        private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(3);
        private readonly Process process;
        private int next;

        private Kernel(Process process) => this.process = process;

        public static Kernel Start(string folder)
        {
            var start = new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-interactive", "--", "stdio"])
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-interactive did not start.");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            return new Kernel(process);
        }

        /// <summary>Submits C# code and returns the events of that command, up to its CommandSucceeded (CommandFailed throws).</summary>
        public IReadOnlyList<JsonNode> Submit(string code)
        {
            var token = "ailab-" + next++;
            var command = new JsonObject
            {
                ["token"] = token,
                ["commandType"] = "SubmitCode",
                ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
            };
            process.StandardInput.WriteLine(command.ToJsonString());
            process.StandardInput.Flush();
            var events = new List<JsonNode>();
            var deadline = DateTime.UtcNow + CellTimeout;
            while (DateTime.UtcNow < deadline)
            {
                var read = process.StandardOutput.ReadLineAsync();
                if (!read.Wait(deadline - DateTime.UtcNow)) break;
                var line = read.Result ?? throw new InvalidOperationException($"The kernel exited while running: {code}");
                JsonNode? envelope;
                try { envelope = JsonNode.Parse(line); }
                catch (JsonException) { continue; }
                if (envelope?["eventType"] is null) continue;
                var type = (string?)envelope["eventType"];
                var ofThisCommand = (string?)envelope["command"]?["token"] == token;
                if (!ofThisCommand) continue;
                events.Add(envelope);
                if (type == "CommandSucceeded") return events;
                if (type == "CommandFailed") throw new Xunit.Sdk.XunitException($"Cell failed: {code}\n{envelope["event"]?["message"]}");
            }
            throw new TimeoutException($"No answer from the kernel within {CellTimeout} for: {code}");
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }
    }
}

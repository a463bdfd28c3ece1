using System.Diagnostics;
using System.Text.Json.Nodes;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Cli;

/// <summary>The <c>ailab</c> program end to end: arguments, output and exit codes.</summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class CommandLineTests
{
    private static async Task<(int ExitCode, string Output)> Ailab(params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host, [typeof(NotebookRunner).Assembly.Location, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string TestNotebook(string name) => Path.Combine(TestPaths.TestNotebooks, name);

    [Fact]
    public async Task Check_NotebooksWithProblems_ListsThemWithFileLinesAndExitsWithOne()
    {
        var (exitCode, output) = await Ailab("check", TestNotebook("basics.dib"), TestNotebook("check-problems.dib"), TestNotebook("bad-meta.dib"));

        Assert.Equal(1, exitCode);
        Assert.Contains("check-problems.dib(7): error: cell 1: TorchSharp-cpu 0.106.0 differs from the version Directory.Packages.props pins (0.107.0)", output);
        Assert.Contains("check-problems.dib(12): error: cell 2: unknown kernel 'python'", output);
        Assert.Contains("check-problems.dib(18): error: cell 3: ' #!csharp' would split the cell if an editor trims its whitespace", output);
        Assert.Contains("bad-meta.dib(", output);
        Assert.Contains("invalid #!meta JSON", output);
        Assert.DoesNotContain("basics.dib(", output);
        Assert.Contains("3 notebooks checked: 4 errors, 0 warnings", output);
    }

    [Fact]
    public async Task Check_CleanNotebooks_ExitWithZero()
    {
        var (exitCode, output) = await Ailab("check", TestNotebook("basics.dib"), TestNotebook("jupyter.ipynb"));

        Assert.Equal(0, exitCode);
        Assert.Contains("2 notebooks checked: 0 errors, 0 warnings", output);
    }

    [Fact]
    public async Task Run_FailingNotebook_ReportsCellAndLineWritesTheSummaryAndExitsWithOne()
    {
        var outDir = TestPaths.NewTempDirectory("cli");

        var (exitCode, output) = await Ailab("run", TestNotebook("compile-error.dib"), "--out", outDir, "--timeout", "60");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED", output);
        Assert.Contains("compile-error.dib, cell 3, line 18", output);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "run-summary.json")))!;
        Assert.Equal(1, (int)summary["failed"]!);
        Directory.Delete(outDir, recursive: true);
    }

    [Theory]
    [InlineData("run", "does-not-exist.dib")]
    [InlineData("run", "--jobs", "0")]
    [InlineData("run", "--timeout", "-1")]
    [InlineData("run", "--shard", "3/2")]
    [InlineData("check", "does-not-exist")]
    public async Task BadArguments_ExitWithTwo(params string[] arguments)
    {
        var (exitCode, output) = await Ailab(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains("error", output);
    }

    [Fact]
    public async Task Run_FilterMatchingNothing_SaysSoAndExitsWithZero()
    {
        var (exitCode, output) = await Ailab("run", TestPaths.TestNotebooks, "--filter", "no-such-notebook");

        Assert.Equal(0, exitCode);
        Assert.Contains("no notebooks to run", output);
    }

    [Fact]
    public async Task Export_Ipynb_WritesNotebooksWithoutOutputs()
    {
        var outDir = TestPaths.NewTempDirectory("export");

        var (exitCode, output) = await Ailab("export", "--to", "ipynb", TestNotebook("basics.dib"), "--out", outDir);

        Assert.Equal(0, exitCode);
        Assert.Contains("wrote", output);
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "basics.ipynb")))!;
        Assert.All(notebook["cells"]!.AsArray().Where(c => (string)c!["cell_type"]! == "code"), c => Assert.Empty(c!["outputs"]!.AsArray()));
        Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsRejected()
    {
        var (exitCode, _) = await Ailab("export", "--to", "py", TestNotebook("basics.dib"));

        Assert.NotEqual(0, exitCode);
    }
}

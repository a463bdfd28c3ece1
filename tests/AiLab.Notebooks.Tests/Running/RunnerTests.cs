using System.Text.Json.Nodes;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

/// <summary>What the runner reports for the test notebooks, run once in the official kernel by <see cref="RunnerFixture"/>.</summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class RunnerTests(RunnerFixture run) : IClassFixture<RunnerFixture>
{
    private NotebookRunResult Result(string stem) => run.Results[stem];

    private static CellExecution Cell(NotebookRunResult result, int cell) => result.Executions.Single(e => e.Cell == cell);

    private static string Plain(CellOutput output) => output.Data!["text/plain"];

    private static string Stdout(NotebookRunResult result, int cell) =>
        string.Concat(Cell(result, cell).Outputs.Where(o => o.Kind == OutputKind.Stream && o.Stream == "stdout").Select(o => o.Text));

    [Fact]
    public void Run_Basics_PassesAndSubmitsOnlyCodeCells()
    {
        var result = Result("basics");

        Assert.True(result.Passed, result.Error?.ToString());
        Assert.Equal(6, result.CellCount);
        Assert.Equal([2, 3, 4, 5, 6], result.Executions.Select(e => e.Cell));
        Assert.Equal([1, 2, 3, 4, 5], result.Executions.Select(e => e.ExecutionCount));
        Assert.Equal([2, 3, 4, 5, 6], run.Observer.Started.Where(s => s.Notebook == "basics").Select(s => s.Cell));
    }

    [Fact]
    public void Run_Basics_CapturesConsoleDisplayUpdateTimeAndValueInOrder()
    {
        var outputs = Cell(Result("basics"), 2).Outputs;

        Assert.Equal((OutputKind.Stream, "stdout", "to stdout\n"), (outputs[0].Kind, outputs[0].Stream, outputs[0].Text));
        Assert.Equal((OutputKind.Stream, "stderr", "to stderr\n"), (outputs[1].Kind, outputs[1].Stream, outputs[1].Text));
        Assert.Equal((OutputKind.Display, "step 2"), (outputs[2].Kind, Plain(outputs[2])));
        Assert.Equal(OutputKind.Result, outputs[3].Kind);
        Assert.Contains("<pre>42</pre>", outputs[3].Data!["text/html"]);
        Assert.Equal(OutputKind.Display, outputs[4].Kind); // #!time displays its measurement
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms", Plain(outputs[4]));
    }

    [Fact]
    public void Run_Basics_StateCarriesAcrossCellsAndHtmlKeepsItsMimeType()
    {
        var outputs = Cell(Result("basics"), 3).Outputs;

        Assert.Equal("<b>bold</b>", outputs[0].Data!["text/html"]);
        Assert.Equal("41,82,123\n", outputs[2].Text);
    }

    [Fact]
    public void Run_Basics_KernelWorksInTheNotebookFolderWithTheChartVariables()
    {
        Assert.Equal("basics png=1 cwd=TestNotebooks", Plain(Cell(Result("basics"), 4).Outputs.Single()));
        Assert.Equal(["charts/basics/loss.html", "charts/basics/loss.png"], Result("basics").Charts);
        Assert.False(File.Exists(run.StaleChart));
    }

    [Fact]
    public void Run_Basics_FSharpCellAndSetWhoMagicsRun()
    {
        var result = Result("basics");

        Assert.Equal("fsharp [1; 4; 9]\n", Stdout(result, 5));
        Assert.Equal("shared [1,4,9]\n", Stdout(result, 6)); // #!set shares values across languages as JSON
        Assert.Contains("fromFSharp", Cell(result, 6).Outputs[0].Data!["text/html"]);
    }

    [Fact]
    public void Run_Threads_ConsecutiveCellsShareOneThreadButAwaitMovesTheRestOfACell()
    {
        var result = Result("threads");
        var cell1 = int.Parse(Stdout(result, 1).Split(' ')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(result.Passed, result.Error?.ToString());
        Assert.Equal($"cell2 {cell1} mark=cell 1\n", Stdout(result, 2));
        var await = Stdout(result, 3).Trim().Split(' ');
        Assert.Equal(cell1.ToString(System.Globalization.CultureInfo.InvariantCulture), await[1]);
        Assert.NotEqual(await[1], await[2]);
        Assert.Equal("mark=lost", await[3]);
        Assert.Equal($"cell4 {cell1} mark=cell 1\n", Stdout(result, 4));
    }

    [Fact]
    public void Run_RelativeReferenceAndLoad_ResolveFromTheNotebookFolder()
    {
        var result = Result("references");

        Assert.True(result.Passed, result.Error?.ToString());
        Assert.Equal("hello notebook 42 data=from the data folder", Plain(Cell(result, 3).Outputs.Single()));
    }

    [Fact]
    public void Run_PackageSourceAndExtension_LoadAndFormatAsInVsCode()
    {
        var result = Result("extensions");

        Assert.True(result.Passed, result.Error?.ToString());
        var restore = Cell(result, 2).Outputs;
        Assert.Contains("<strong>Restore sources</strong>", restore[0].Data!["text/html"]);
        Assert.Contains(Path.Combine(run.CopyDir, "notebooks", "feed"), restore[0].Data!["text/html"]);
        Assert.Contains("Installed Packages</strong><ul><li><span>Microsoft.Data.Analysis, 0.23.1</span>", restore[0].Data!["text/html"]);
        Assert.StartsWith("Loading extensions from `", Plain(restore[1]));
        Assert.EndsWith("Microsoft.Data.Analysis.Interactive.dll`", Plain(restore[1]));
        var table = Cell(result, 3).Outputs.Single().Data!["text/html"];
        Assert.Contains("<th>shots</th><th>name</th>", table); // the extension's DataFrame formatter
    }

    [Fact]
    public void Run_CompileError_NamesTheCellAndTheFileLine()
    {
        var result = Result("compile-error");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((3, 18), (result.Error!.Cell, result.Error.Line));
        Assert.Equal("compile-error.dib(18,13): error CS0103: The name 'undefinedName' does not exist in the current context", result.Error.Message);
        Assert.Equal("cell 1 ran\n", Stdout(result, 1));
        Assert.Equal("CompilationError", Cell(result, 3).Outputs.Last().ErrorName);
    }

    [Fact]
    public void Run_CompileErrorInIpynb_NamesTheJsonLineOfTheSourceLine()
    {
        var result = Result("jupyter");

        Assert.Equal((4, 63), (result.Error!.Cell, result.Error.Line));
        Assert.Equal("jupyter.ipynb(63,12): error CS0029: Cannot implicitly convert type 'int' to 'string'", result.Error.Message);
        Assert.Equal("1\n", Stdout(result, 2));
        Assert.Equal("2\n", Stdout(result, 3));
    }

    [Fact]
    public void Run_Exception_NamesTheCellItsFirstLineAndTheKernelsMessage()
    {
        var result = Result("exception");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 16), (result.Error!.Cell, result.Error.Line));
        Assert.StartsWith("System.InvalidOperationException: cannot divide by zero\n   at Submission#1.Divide(Int32 a, Int32 b)", result.Error.Message);
        var outputs = Cell(result, 2).Outputs;
        Assert.Equal("before\n", outputs[0].Text);
        Assert.Equal(("System.InvalidOperationException", "System.InvalidOperationException: cannot divide by zero"), (outputs[1].ErrorName, outputs[1].ErrorValue));
    }

    [Fact]
    public void Run_StackOverflow_FailsAtTheRunningCellWithTheRuntimesLine()
    {
        var result = Result("crash");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 11), (result.Error!.Cell, result.Error.Line));
        Assert.StartsWith("Stack overflow.\nthe kernel process died (signal 6 SIGABRT) while running cell 2 (line 11)", result.Error.Message);
        Assert.Equal("before the crash\n", Stdout(result, 1));
        Assert.Equal("KernelCrash", Cell(result, 2).Outputs.Last().ErrorName);
    }

    [Fact]
    public void Run_LibtorchAbort_FailsAtTheRunningCellWithTheWhatLine()
    {
        var result = Result("torch");

        Assert.Equal("sum 4\n", Stdout(result, 1)); // the NuGet package was restored and loaded
        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 13), (result.Error!.Cell, result.Error.Line));
        Assert.StartsWith("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)\nthe kernel process died (signal 6 SIGABRT) while running cell 2 (line 13)", result.Error.Message);
    }

    [Fact]
    public void Run_MissingPackage_FailsWithTheKernelsMessageNamingIt()
    {
        var result = Result("missing-package");

        Assert.Equal((1, 7), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("error NU1101: Unable to find package AiLab.NoSuchPackage.ForTests", result.Error.Message);
    }

    [Fact]
    public void Run_Notebooks_AreNeverModified()
    {
        Assert.Equal(RunnerFixture.Notebooks.Length + 2, run.HashesBefore.Count);
        Assert.Equal(run.HashesBefore, run.HashesAfter);
    }

    [Fact]
    public void Run_NoKernelIsLeftRunning()
    {
        Assert.Equal(0, global::AiLab.Notebooks.Kernel.LiveKernels.Count);
    }

    [Fact]
    public void Run_Summary_HasTheDesignedShape()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, "run-summary.json")))!.AsObject();

        Assert.Equal(["device", "seconds", "passed", "failed", "notebooks"], json.Select(p => p.Key));
        Assert.Equal("cpu", (string)json["device"]!);
        Assert.Equal((4, 6), ((int)json["passed"]!, (int)json["failed"]!));
        var notebooks = json["notebooks"]!.AsArray();
        Assert.Equal(10, notebooks.Count);
        var basics = notebooks[0]!.AsObject();
        Assert.Equal(["path", "status", "seconds", "cells", "error", "charts"], basics.Select(p => p.Key));
        Assert.Equal(("passed", 6), ((string)basics["status"]!, (int)basics["cells"]!));
        Assert.EndsWith("TestNotebooks/basics.dib", (string)basics["path"]!);
        Assert.Null(basics["error"]);
        Assert.True(basics.ContainsKey("error"));
        var failed = notebooks[2]!["error"]!.AsObject();
        Assert.Equal(["cell", "line", "message"], failed.Select(p => p.Key));
        Assert.Equal("failed", (string)notebooks[2]!["status"]!);
    }

    [Fact]
    public void Run_Artifacts_AreCompleteAndNoTemporaryFileRemains()
    {
        var files = Directory.GetFiles(run.OutDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.OutDir, f).Replace('\\', '/'))
            .ToList();

        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var stem in run.Results.Keys)
        {
            Assert.Contains($"notebooks/{stem}.html", files);
            Assert.Contains($"notebooks/{stem}.ipynb", files);
        }
        Assert.Contains("index.html", files);
        Assert.Contains("plotly.min.js", files);
        // The shared copy is the bundle Plotly.NET embeds, the version its chart JSON targets.
        var header = File.ReadAllText(Path.Combine(run.OutDir, "plotly.min.js"))[..200];
        Assert.Contains("plotly.js v2.28.0", header);
    }

    [Fact]
    public void Run_ExecutedNotebook_HoldsOutputsWithMimeTypesAndTimes()
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, "notebooks", "basics.ipynb")))!;
        var cell = notebook["cells"]![1]!;

        Assert.Equal(1, (int)cell["execution_count"]!);
        Assert.Equal(["stream", "stream", "display_data", "execute_result", "display_data"], cell["outputs"]!.AsArray().Select(o => (string)o!["output_type"]!));
        Assert.Equal(["step 2"], cell["outputs"]![2]!["data"]!["text/plain"]!.AsArray().Select(l => (string)l!));
        Assert.True((double)cell["metadata"]!["ailab"]!["seconds"]! > 0);
        Assert.Equal(15, (int)cell["metadata"]!["ailab"]!["line"]!);
        Assert.Equal("csharp", (string)cell["metadata"]!["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("fsharp", (string)notebook["cells"]![4]!["metadata"]!["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("csharp", (string)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
    }

    [Fact]
    public void Run_Pages_UseOneSharedPlotlyAndDropCdnCopies()
    {
        var page = File.ReadAllText(Path.Combine(run.OutDir, "notebooks", "basics.html"));
        var index = File.ReadAllText(Path.Combine(run.OutDir, "index.html"));

        Assert.Contains("<script src=\"../plotly.min.js\"></script>", page);
        Assert.Contains("window.requirejs=r", page);
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", page); // the output's own copy is dropped (the source still shows it)
        Assert.Contains("<script>Plotly.newPlot('c', []);</script>", page);
        Assert.Contains("<h1 id=\"runner-basics\">Runner basics</h1>", page);
        Assert.Contains("<pre class=\"stderr\">to stderr\n</pre>", page);
        Assert.Contains("href=\"notebooks/basics.html\"", index);
        Assert.Contains("<img alt=\"loss\" src=\"charts/basics/loss.png\">", index);
        Assert.Contains("cell 3, line 18: compile-error.dib(18,13): error CS0103", index);
    }
}

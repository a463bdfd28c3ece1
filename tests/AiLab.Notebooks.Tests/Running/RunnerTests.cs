using System.Text.Json.Nodes;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

[Collection(NotebookProcessCollection.Name)]
public sealed class RunnerTests(RunnerFixture run) : IClassFixture<RunnerFixture>
{
    private NotebookRunResult Result(string stem) => run.Results[stem];

    private static CellExecution Cell(NotebookRunResult result, int cell) => result.Executions.Single(e => e.Cell == cell);

    private static string Plain(CellOutput output) => output.Data!["text/plain"];

    [Fact]
    public void Run_Basics_Passes()
    {
        var result = Result("basics");

        Assert.True(result.Passed, result.Error?.ToString());
        Assert.Null(result.Error);
        Assert.Equal(5, result.CellCount);
        Assert.Equal([2, 3, 4, 5], result.Executions.Select(e => e.Cell));
        Assert.Equal([1, 2, 3, 4], result.Executions.Select(e => e.ExecutionCount));
    }

    [Fact]
    public void Run_Basics_CapturesConsoleDisplayAndTrailingValueInOrder()
    {
        var outputs = Cell(Result("basics"), 2).Outputs;

        Assert.Equal((OutputKind.Stream, "stdout", "to stdout\n"), (outputs[0].Kind, outputs[0].Stream, outputs[0].Text));
        Assert.Equal((OutputKind.Stream, "stderr", "to stderr\n"), (outputs[1].Kind, outputs[1].Stream, outputs[1].Text));
        Assert.Equal(OutputKind.Display, outputs[2].Kind);
        Assert.Equal((OutputKind.Result, "42"), (outputs[3].Kind, Plain(outputs[3])));
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms\n$", outputs[4].Text);
    }

    [Fact]
    public void Run_Basics_UpdateReplacesTheDisplayOfAnEarlierCell()
    {
        var display = Cell(Result("basics"), 2).Outputs[2];

        Assert.Equal("step 2", Plain(display));
    }

    [Fact]
    public void Run_Basics_KeepsMimeTypesOfDisplays()
    {
        var third = Cell(Result("basics"), 3).Outputs;
        var fourth = Cell(Result("basics"), 4).Outputs;

        Assert.Equal("<b>bold</b>", third[0].Data!["text/html"]);
        Assert.Equal("[ 1, 2, 3 ]", Plain(third[1]));
        Assert.Equal("41,82,123\n", third[2].Text); // a void trailing call is not a value
        Assert.Equal(3, third.Count);
        Assert.Equal(["text/html", "image/png"], fourth[0].Data!.Keys);
        Assert.Equal("basics png=1 cwd=TestNotebooks", Plain(fourth[1]));
    }

    [Fact]
    public void Run_Basics_NullTrailingValueIsShown()
    {
        Assert.Equal("<null>", Plain(Cell(Result("basics"), 5).Outputs.Single()));
    }

    [Fact]
    public void Run_Basics_ListsItsChartsAndClearedTheStaleOne()
    {
        Assert.Equal(["charts/basics/loss.html", "charts/basics/loss.png"], Result("basics").Charts);
        Assert.False(File.Exists(run.StaleChart));
    }

    [Fact]
    public void Run_CellsStartedAreReportedAsTheyStart()
    {
        Assert.Equal([2, 3, 4, 5], run.Observer.Started.Where(s => s.Notebook == "basics").Select(s => s.Cell));
    }

    [Fact]
    public void Run_RelativeReferenceLoadAndNativeLibrary_ResolveFromTheNotebookFolder()
    {
        var result = Result("references");

        Assert.True(result.Passed, result.Error?.ToString());
        Assert.Equal("hello notebook 42 native=5 data=from the data folder", Plain(Cell(result, 3).Outputs.Single()));
    }

    [Fact]
    public void Run_CompileError_NamesTheCellAndTheFileLine()
    {
        var result = Result("compile-error");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((3, 17), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("compile-error.dib(17,13): error CS0103: The name 'undefinedName' does not exist", result.Error.Message);
        Assert.Equal("cell 1 ran\n", Cell(result, 1).Outputs.Single().Text);
        Assert.Equal("CompilationError", Cell(result, 3).Outputs.Single().ErrorName);
    }

    [Fact]
    public void Run_Exception_NamesTheCellAndTheLineAndMapsTheStackTrace()
    {
        var result = Result("exception");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 18), (result.Error!.Cell, result.Error.Line));
        Assert.StartsWith("System.InvalidOperationException: cannot divide by zero", result.Error.Message);
        Assert.Contains("at Divide(Int32 a, Int32 b) in exception.dib:line 10", result.Error.Message);
        Assert.Contains("at cell 2 in exception.dib:line 18", result.Error.Message);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", result.Error.Message);
        Assert.DoesNotContain("Submission#", result.Error.Message);
        Assert.DoesNotContain("<Factory>", result.Error.Message);
        Assert.DoesNotContain("AsyncMethodBuilderCore", result.Error.Message);
        var outputs = Cell(result, 2).Outputs;
        Assert.Equal("before\n", outputs[0].Text);
        Assert.Equal(("System.InvalidOperationException", "cannot divide by zero"), (outputs[1].ErrorName, outputs[1].ErrorValue));
    }

    [Fact]
    public void Run_ProcessCrash_FailsThatNotebookWithTheCellAndTheProcessOutput()
    {
        var result = Result("crash");

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 11), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("the notebook process ended unexpectedly (signal 6 (SIGABRT)) while running cell 2", result.Error.Message);
        Assert.Contains("deliberate crash for the runner tests", result.Error.Message);
        Assert.Equal("before the crash\n", Cell(result, 1).Outputs.Single().Text);
        Assert.Equal("ProcessCrash", Cell(result, 2).Outputs.Single().ErrorName);
    }

    [Fact]
    public void Run_ProcessExit_FailsThatNotebookWithTheExitCode()
    {
        var result = Result("exit");

        Assert.Equal((1, 7), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("ended unexpectedly (exit code 3) while running cell 1", result.Error.Message);
    }

    [Fact]
    public void Run_OtherKernel_FailsBeforeRunningAnything()
    {
        var result = Result("other-kernel");

        Assert.Equal((2, 11), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("'fsharp' cells are not supported", result.Error.Message);
        Assert.Empty(result.Executions);
    }

    [Fact]
    public void Run_NuGetDirective_FailsNamingTheCell()
    {
        var result = Result("nuget");

        Assert.Equal((1, 7), (result.Error!.Cell, result.Error.Line));
        Assert.Contains("NuGet references (#r \"nuget:…\") are not supported", result.Error.Message);
    }

    [Fact]
    public void Run_Notebooks_AreNeverModified()
    {
        Assert.Equal(run.HashesBefore, run.HashesAfter);
    }

    [Fact]
    public void Run_Summary_HasTheDesignedShape()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, "run-summary.json")))!.AsObject();

        Assert.Equal(["device", "seconds", "passed", "failed", "notebooks"], json.Select(p => p.Key));
        Assert.Equal("cpu", (string)json["device"]!);
        Assert.Equal((2, 6), ((int)json["passed"]!, (int)json["failed"]!));
        var notebooks = json["notebooks"]!.AsArray();
        Assert.Equal(8, notebooks.Count);
        var basics = notebooks[0]!.AsObject();
        Assert.Equal(["path", "status", "seconds", "cells", "error", "charts"], basics.Select(p => p.Key));
        Assert.Equal(("passed", 5), ((string)basics["status"]!, (int)basics["cells"]!));
        Assert.EndsWith("TestNotebooks/basics.dib", (string)basics["path"]!);
        Assert.Null(basics["error"]);
        Assert.True(basics.ContainsKey("error"));
        var failed = notebooks[1]!["error"]!.AsObject();
        Assert.Equal(["cell", "line", "message"], failed.Select(p => p.Key));
        Assert.Equal("failed", (string)notebooks[1]!["status"]!);
    }

    [Fact]
    public void Run_Artifacts_AreCompleteAndNoTemporaryFileRemains()
    {
        var files = Directory.GetFiles(run.OutDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.OutDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var stem in run.Results.Keys)
        {
            Assert.Contains($"notebooks/{stem}.html", files);
            Assert.Contains($"notebooks/{stem}.ipynb", files);
            JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, "notebooks", stem + ".ipynb")));
        }
        Assert.Contains("index.html", files);
        Assert.Contains("plotly.min.js", files);
    }

    [Fact]
    public void Run_ExecutedNotebook_HoldsTheOutputs()
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, "notebooks", "basics.ipynb")))!;
        var cell = notebook["cells"]![1]!;

        Assert.Equal(1, (int)cell["execution_count"]!);
        Assert.Equal(["stream", "stream", "display_data", "execute_result", "stream"],
            cell["outputs"]!.AsArray().Select(o => (string)o!["output_type"]!));
        Assert.Equal(["step 2"], cell["outputs"]![2]!["data"]!["text/plain"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public void Run_Pages_RenderMarkdownHighlightCodeAndEmbedHtmlOutputsWithOfflinePlotly()
    {
        var page = File.ReadAllText(Path.Combine(run.OutDir, "notebooks", "basics.html"));
        var index = File.ReadAllText(Path.Combine(run.OutDir, "index.html"));

        Assert.Contains("<script src=\"../plotly.min.js\"></script>", page);
        Assert.Contains("<h1 id=\"runner-basics\">Runner basics</h1>", page);
        Assert.Contains("<pre><code>throw new Exception(&quot;markdown must not run&quot;);", page);
        Assert.Contains("<span class=\"kw\">class</span> Flag", page);
        Assert.Contains("<div class=\"output\"><div class=\"chart\">chart</div></div>", page);
        Assert.Contains("<pre class=\"stderr\">to stderr\n</pre>", page);
        Assert.Contains("href=\"notebooks/basics.html\"", index);
        Assert.Contains("<img alt=\"loss\" src=\"charts/basics/loss.png\">", index);
        Assert.Contains("cell 3, line 17: compile-error.dib(17,13): error CS0103", index);
    }
}

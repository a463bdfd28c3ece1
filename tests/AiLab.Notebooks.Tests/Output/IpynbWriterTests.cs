using System.Text.Json.Nodes;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Output;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Tests.Output;

public sealed class IpynbWriterTests
{
    private static readonly NotebookDocument Document = NotebookReader.Parse(
        "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n" +
        "#!markdown\n\n# Title\ntext\n\n#!csharp\n\nvar a = 1;\na\n\n#!csharp\n\nthrow new Exception();\n", "test.dib");

    [Fact]
    public void Write_WithoutExecutions_IsAnNbformat45NotebookWithoutOutputs()
    {
        var notebook = JsonNode.Parse(IpynbWriter.Write(Document))!;

        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);
        Assert.Equal(".net-csharp", (string)notebook["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("csharp", (string)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        var cells = notebook["cells"]!.AsArray();
        Assert.Equal(["markdown", "code", "code"], cells.Select(c => (string)c!["cell_type"]!));
        Assert.Equal(["cell-1", "cell-2", "cell-3"], cells.Select(c => (string)c!["id"]!));
        Assert.Equal(["# Title\n", "text"], cells[0]!["source"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["var a = 1;\n", "a"], cells[1]!["source"]!.AsArray().Select(l => (string)l!));
        Assert.Empty(cells[1]!["outputs"]!.AsArray());
        Assert.Null(cells[1]!["execution_count"]);
        Assert.Equal("csharp", (string)cells[1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!);
    }

    [Fact]
    public void Write_WithExecutions_KeepsEveryOutputWithItsMimeTypeAndTiming()
    {
        var started = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var executions = new List<CellExecution>
        {
            new()
            {
                Cell = 2, ExecutionCount = 1, Started = started, Seconds = 1.5,
                Outputs =
                [
                    CellOutput.ForStream("stdout", "line 1\nline 2\n"),
                    new CellOutput { Kind = OutputKind.Display, DisplayId = "d", Data = new() { ["text/html"] = "<div>\n</div>", ["image/png"] = "iVBORw0=" } },
                    new CellOutput { Kind = OutputKind.Result, Data = new() { ["text/plain"] = "1" } },
                ],
            },
            new()
            {
                Cell = 3, ExecutionCount = 2, Started = started, Seconds = 0.25,
                Outputs = [new CellOutput { Kind = OutputKind.Error, ErrorName = "System.Exception", ErrorValue = "boom", Traceback = ["System.Exception: boom", "   at cell 3"] }],
            },
        };

        var cells = JsonNode.Parse(IpynbWriter.Write(Document, executions))!["cells"]!.AsArray();

        var first = cells[1]!;
        Assert.Equal(1, (int)first["execution_count"]!);
        Assert.Equal(1.5, (double)first["metadata"]!["ailab"]!["seconds"]!);
        Assert.Equal("2025-01-02T03:04:05.000000Z", (string)first["metadata"]!["execution"]!["iopub.execute_input"]!);
        Assert.Equal("2025-01-02T03:04:06.500000Z", (string)first["metadata"]!["execution"]!["shell.execute_reply"]!);
        var outputs = first["outputs"]!.AsArray();
        Assert.Equal(["stream", "display_data", "execute_result"], outputs.Select(o => (string)o!["output_type"]!));
        Assert.Equal(["line 1\n", "line 2\n"], outputs[0]!["text"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["<div>\n", "</div>"], outputs[1]!["data"]!["text/html"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["iVBORw0="], outputs[1]!["data"]!["image/png"]!.AsArray().Select(l => (string)l!)); // Documents' writer: lines for every type
        Assert.Equal(1, (int)outputs[2]!["execution_count"]!);
        var error = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal(("error", "System.Exception", "boom"), ((string)error["output_type"]!, (string)error["ename"]!, (string)error["evalue"]!));
        Assert.Equal(2, error["traceback"]!.AsArray().Count);
    }
}

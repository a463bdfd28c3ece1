using AiLab.Notebooks.Isolation;

namespace AiLab.Notebooks.Tests.Execution;

public sealed class ProtocolTests
{
    [Theory]
    [InlineData("start", 3, null)]
    [InlineData("hint", 12, "the cell thread looks blocked: 7 s")]
    [InlineData("done", 0, null)]
    public void ChildEvent_FormatThenParse_RoundTrips(string kind, int cell, string? text)
    {
        var e = new ChildEvent(kind, cell, text);

        Assert.Equal(e, ChildEvent.TryParse(e.Format()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("libtorch: warning")]
    [InlineData("##ailab:start")]
    [InlineData("##ailab:start x")]
    public void ChildEvent_OtherLines_AreNotEvents(string line)
    {
        Assert.Null(ChildEvent.TryParse(line));
    }

    [Theory]
    [InlineData(0, "exit code 0")]
    [InlineData(3, "exit code 3")]
    [InlineData(134, "signal 6 (SIGABRT)")]
    [InlineData(137, "signal 9 (SIGKILL, often the out-of-memory killer)")]
    [InlineData(139, "signal 11 (SIGSEGV)")]
    [InlineData(140, "signal 12")]
    public void ProcessExit_Describe_NamesSignals(int code, string expected)
    {
        Assert.Equal(expected, ProcessExit.Describe(code));
    }

    [Fact]
    public void OutputTail_ManyLines_KeepsTheFirstAndLastWithAMarker()
    {
        var tail = new OutputTail(2, 2);
        foreach (var i in Enumerable.Range(1, 7))
        {
            tail.Add($"line {i}");
        }

        Assert.Equal(["line 1", "line 2", "… 3 lines left out …", "line 6", "line 7"], tail.Lines);
        tail.Clear();
        Assert.Empty(tail.Lines);
    }

    [Fact]
    public void ChildReport_LineCutByACrash_KeepsTheCompleteRecordsBeforeIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ailab-report-{Guid.NewGuid():N}.jsonl");
        using (var report = ChildReport.Create(path))
        {
            report.Write(new ChildRecord
            {
                Type = ChildRecord.CellType,
                Execution = new() { Cell = 2, ExecutionCount = 1, Outputs = [new() { Kind = Results.OutputKind.Display, DisplayId = "d", Data = new() { ["text/plain"] = "old" } }] },
            });
            report.Write(new ChildRecord { Type = ChildRecord.UpdateType, Update = new("d", new() { ["text/plain"] = "new" }) });
        }
        File.AppendAllText(path, "{\"type\":\"cell\",\"execution\":{\"ce");

        var (cells, done) = ChildReport.Read(path);

        Assert.Null(done);
        Assert.Equal("new", cells.Single().Outputs.Single().Data!["text/plain"]);
        File.Delete(path);
    }
}

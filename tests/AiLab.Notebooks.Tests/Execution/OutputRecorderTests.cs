using AiLab.Notebooks.Execution;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Tests.Execution;

public sealed class OutputRecorderTests
{
    private static readonly Dictionary<string, string> One = new() { ["text/plain"] = "1" };
    private static readonly Dictionary<string, string> Two = new() { ["text/plain"] = "2" };

    [Fact]
    public void Stream_ConsecutiveWritesToOneStream_MergeAndKeepTheirPlaceAmongOutputs()
    {
        var recorder = new OutputRecorder();
        recorder.Stream("stdout", "a");
        recorder.Stream("stdout", "b\n");
        recorder.Stream("stderr", "warn\n");
        recorder.Display("d1", One);
        recorder.Stream("stdout", "c\n");

        var outputs = recorder.TakeCellOutputs();

        Assert.Equal(
            [(OutputKind.Stream, "ab\n"), (OutputKind.Stream, "warn\n"), (OutputKind.Display, null), (OutputKind.Stream, "c\n")],
            outputs.Select(o => (o.Kind, o.Text)));
        Assert.Empty(recorder.TakeCellOutputs());
    }

    [Fact]
    public void Update_DisplayOfTheRunningCell_ChangesItInPlaceWithoutAnUpdateRecord()
    {
        var recorder = new OutputRecorder();
        recorder.Display("d1", One);
        recorder.Update("d1", Two);

        Assert.Equal("2", recorder.TakeCellOutputs().Single().Data!["text/plain"]);
        Assert.Empty(recorder.TakeUpdates());
    }

    [Fact]
    public void Update_DisplayOfAnEarlierCell_IsReportedAsAnUpdate()
    {
        var recorder = new OutputRecorder();
        recorder.Display("d1", One);
        var firstCell = recorder.TakeCellOutputs();
        recorder.Update("d1", Two);

        var update = Assert.Single(recorder.TakeUpdates());
        Assert.Equal(("d1", "2"), (update.DisplayId, update.Data["text/plain"]));
        Assert.Empty(recorder.TakeCellOutputs());
        Assert.Equal("2", firstCell.Single().Data!["text/plain"]);
    }

    [Fact]
    public void Update_UnknownDisplay_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new OutputRecorder().Update("nope", One));
    }

    [Fact]
    public void Stream_BeyondTheLimit_IsTruncatedOnceWithANote()
    {
        var recorder = new OutputRecorder();
        var chunk = new string('x', 1000);
        for (var i = 0; i < OutputRecorder.MaxStreamChars / 1000 + 10; i++)
        {
            recorder.Stream("stdout", chunk);
        }

        var text = recorder.TakeCellOutputs().Single().Text!;

        Assert.EndsWith("output truncated after 2,000,000 characters\n", text);
        Assert.True(text.Length < OutputRecorder.MaxStreamChars + 100);
    }
}

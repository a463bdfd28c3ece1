using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

[Collection(NotebookProcessCollection.Name)]
public sealed class TimeoutTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(8);

    // Cancel, a second's grace, then the kill; the rest is scheduling slack on a shared 2-core machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Run_CellThatNeverEnds_TimesOutAtThatCellAndTheNextNotebookStillRuns()
    {
        var outDir = TestPaths.NewTempDirectory("timeout");
        var observer = new SilentObserver();
        var targets = new[] { "sleep.dib", "compile-error.dib" }.Select(n => NotebookTarget.For(Path.Combine(TestPaths.TestNotebooks, n))).ToList();

        var (summary, results) = await new NotebookRunner(new RunSettings(outDir, CellTimeout, Jobs: 1, Png: false)).RunAsync(targets, observer);

        var result = results[0];
        Assert.Equal(NotebookStatus.Timeout, result.Status);
        Assert.Equal((2, 11), (result.Error!.Cell, result.Error.Line));
        Assert.Equal("cell 2 (line 11) did not finish within the 8 s cell timeout; it was cancelled and the kernel killed", result.Error.Message);
        Assert.InRange(observer.FromCellStartToFinish("sleep", 2), CellTimeout, CellTimeout + Slack);
        Assert.Equal("warm-up done\n", result.Executions.Single(e => e.Cell == 1).Outputs.Single().Text);
        Assert.Equal("Timeout", result.Executions.Single(e => e.Cell == 2).Outputs.Single().ErrorName);
        Assert.Equal((NotebookStatus.Failed, 3), (results[1].Status, results[1].Error!.Cell));
        Assert.Equal(2, summary.Failed);
        Assert.Contains("\"status\": \"timeout\"", File.ReadAllText(Path.Combine(outDir, "run-summary.json")));
        Directory.Delete(outDir, recursive: true);
    }
}

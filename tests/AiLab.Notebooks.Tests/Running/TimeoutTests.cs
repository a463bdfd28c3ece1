using AiLab.Notebooks.Results;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

[Collection(NotebookProcessCollection.Name)]
public sealed class TimeoutTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(10);

    // Stopping the process tree and collecting its report take well under a second; the rest is scheduling slack.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Run_CellBlockedOnItsOwnThread_TimesOutWithinTheLimitAndSaysWhy()
    {
        var outDir = TestPaths.NewTempDirectory("timeout");
        var observer = new SilentObserver();
        var target = NotebookTarget.For(Path.Combine(TestPaths.TestNotebooks, "deadlock.dib"));

        var (summary, results) = await new NotebookRunner(new RunSettings(outDir, CellTimeout, Jobs: 1, Png: false)).RunAsync([target], observer);

        var result = results.Single();
        Assert.Equal(NotebookStatus.Timeout, result.Status);
        Assert.Equal((2, 16), (result.Error!.Cell, result.Error.Line));
        Assert.StartsWith("cell 2 (line 16) did not finish within the 10 s cell timeout; the notebook process was stopped", result.Error.Message);
        Assert.Contains("Hint: the cell thread looks blocked", result.Error.Message);
        Assert.InRange(observer.FromCellStartToFinish("deadlock", 2), CellTimeout, CellTimeout + Slack);
        Assert.Equal("warm-up done\n", result.Executions.Single(e => e.Cell == 1).Outputs.Single().Text);
        Assert.Equal("Timeout", result.Executions.Single(e => e.Cell == 2).Outputs.Single().ErrorName);
        Assert.Equal(1, summary.Failed);
        Assert.Contains("\"status\": \"timeout\"", File.ReadAllText(Path.Combine(outDir, "run-summary.json")));
        Directory.Delete(outDir, recursive: true);
    }
}

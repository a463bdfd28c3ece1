using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

/// <summary>
/// Runs every notebook of the repository's <c>notebooks/</c> folder in the official kernel, one test each: this is
/// how <c>dotnet test</c> executes the notebooks. A failure reports the runner's message (status, cell, line, error).
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class NotebookFolderTests
{
    private const string NoNotebooks = "(no notebooks yet)";

    private static readonly string OutDir = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "notebook-tests");

    /// <summary>The notebooks (.dib, .ipynb) in notebooks/, by file name; a placeholder row while the folder holds none.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var files = Directory.Exists(TestPaths.Notebooks) ? Directory.GetFiles(TestPaths.Notebooks).Where(NotebookReader.IsNotebook).ToArray() : [];
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        if (data.Count == 0)
        {
            data.Add(NoNotebooks);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsHeadlessly_AndPasses(string notebook)
    {
        if (notebook == NoNotebooks)
        {
            // Nothing to run yet: the placeholder only stands while the folder really has no notebook.
            Assert.True(!Directory.Exists(TestPaths.Notebooks) || !Directory.GetFiles(TestPaths.Notebooks).Any(NotebookReader.IsNotebook));
            return;
        }

        var target = NotebookTarget.For(Path.Combine(TestPaths.Notebooks, notebook));
        var settings = new RunSettings(OutDir, RunSettings.DefaultCellTimeout, Jobs: 1, Png: false);

        var (_, results) = await new NotebookRunner(settings).RunAsync([target], new SilentObserver());

        var result = results.Single();
        Assert.True(result.Passed, $"{notebook} {result.Status}: {result.Error}");
    }
}

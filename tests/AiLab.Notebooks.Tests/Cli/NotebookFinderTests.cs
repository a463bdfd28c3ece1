using AiLab.Notebooks.Cli;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Cli;

public sealed class NotebookFinderTests
{
    private static readonly string[] All =
        ["bad-meta", "basics", "check-problems", "compile-error", "crash", "exception", "export", "extensions", "jupyter", "missing-package", "references", "sleep", "threads", "torch"];

    private static IEnumerable<string> Stems(IEnumerable<Notebooks.Running.NotebookTarget> targets) => targets.Select(t => t.Stem);

    [Fact]
    public void Find_Folder_ListsItsTopLevelNotebooksSorted()
    {
        Assert.Equal(All, Stems(NotebookFinder.Find([TestPaths.TestNotebooks])));
    }

    [Fact]
    public void Find_FileTwiceAndFolder_ListsEachNotebookOnce()
    {
        var basics = Path.Combine(TestPaths.TestNotebooks, "basics.dib");

        Assert.Equal(All, Stems(NotebookFinder.Find([basics, TestPaths.TestNotebooks, basics])).Order());
    }

    [Fact]
    public void Find_Filter_KeepsFileNamesContainingTheText()
    {
        Assert.Equal(["exception", "export", "extensions"], Stems(NotebookFinder.Find([TestPaths.TestNotebooks], filter: "EX")));
    }

    [Fact]
    public void Find_Shards_PartitionTheSortedList()
    {
        var shards = Enumerable.Range(1, 3).Select(i => Stems(NotebookFinder.Find([TestPaths.TestNotebooks], shard: new Shard(i, 3))).ToList()).ToList();

        Assert.Equal(["bad-meta", "compile-error", "export", "missing-package", "threads"], shards[0]);
        Assert.Equal(All, shards.SelectMany(s => s).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("missing.dib", "does not exist")]
    [InlineData("helpers/util.csx", "is not a notebook (.dib or .ipynb)")]
    public void Find_BadPath_Throws(string path, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => NotebookFinder.Find([Path.Combine(TestPaths.TestNotebooks, path)]));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    public void Shard_Parse_ReadsIndexAndCount(string text, int index, int count)
    {
        Assert.Equal(new Shard(index, count), Shard.Parse(text));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    public void Shard_ParseInvalid_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => Shard.Parse(text));
    }
}

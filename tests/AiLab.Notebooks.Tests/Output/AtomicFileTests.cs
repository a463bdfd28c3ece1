using System.Text;
using AiLab.Notebooks.Output;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Output;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAllText_ExistingFile_IsReplacedByRenameNotRewrittenInPlace()
    {
        var directory = TestPaths.NewTempDirectory("atomic");
        var path = Path.Combine(directory, "summary.json");
        File.WriteAllText(path, "old content");

        // A reader that opened the old file keeps reading the old bytes: the new file replaced it by rename.
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        AtomicFile.WriteAllText(path, "new content");

        Assert.Equal("old content", new StreamReader(reader, Encoding.UTF8).ReadToEnd());
        Assert.Equal("new content", File.ReadAllText(path));
        Assert.Equal(["summary.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void WriteAllText_MissingFolder_IsCreatedAndNoTemporaryFileStays()
    {
        var directory = TestPaths.NewTempDirectory("atomic");
        var path = Path.Combine(directory, "a", "b", "page.html");

        AtomicFile.WriteAllText(path, "<p>é</p>");

        Assert.Equal("<p>é</p>"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(directory, "*", SearchOption.AllDirectories));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void WriteIfDifferent_SameBytes_DoesNotRewrite()
    {
        var directory = TestPaths.NewTempDirectory("atomic");
        var destination = Path.Combine(directory, "out", "plotly.min.js");

        Assert.True(AtomicFile.WriteIfDifferent(destination, "var Plotly = {};"u8.ToArray()));
        Assert.False(AtomicFile.WriteIfDifferent(destination, "var Plotly = {};"u8.ToArray()));
        Assert.True(AtomicFile.WriteIfDifferent(destination, "var Plotly = { v: 2 };"u8.ToArray()));
        Assert.Equal("var Plotly = { v: 2 };", File.ReadAllText(destination));
        Directory.Delete(directory, recursive: true);
    }
}

using AiLab.Notebooks.Documents;

namespace AiLab.Notebooks.Tests.Documents;

public sealed class NotebookReaderTests
{
    private const string Meta = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n";

    [Fact]
    public void Parse_Dib_NumbersEveryCellAndMapsItsLinesToTheFile()
    {
        var document = NotebookReader.Parse(Meta + "#!markdown\n\n# Title\n\n#!csharp\n\n#!time\nvar a = 1;\n\n\n#!f#\n\nlet b = 2\n", "x.dib");

        Assert.Equal([("markdown", 7), ("csharp", 11), ("fsharp", 17)], document.Cells.Select(c => (c.Kernel, c.StartLine)));
        Assert.Equal([1, 2, 3], document.Cells.Select(c => c.Number));
        Assert.Equal("#!time\nvar a = 1;", document.Cell(2).Content);
        Assert.Equal(12, document.Cell(2).FileLine(1));
        Assert.Equal(1, document.MetadataLine);
    }

    [Fact]
    public void Parse_DibWithCrLf_MapsTheSameLines()
    {
        var document = NotebookReader.Parse((Meta + "#!csharp\n\nvar a = 1;\nvar b = 2;\n").Replace("\n", "\r\n"), "x.dib");

        Assert.Equal((7, 8), (document.Cell(1).StartLine, document.Cell(1).FileLine(1)));
        Assert.Equal("var a = 1;\nvar b = 2;", document.Cell(1).Content);
    }

    [Fact]
    public void Parse_Ipynb_TakesEachCellsKernelFromItsMetadataAndMapsSourceLinesToJsonLines()
    {
        var document = NotebookReader.ReadFile(Path.Combine(Support.TestPaths.TestNotebooks, "jupyter.ipynb"));

        Assert.Equal(["markdown", "csharp", "fsharp", "csharp"], document.Cells.Select(c => c.Kernel));
        Assert.Equal([61, 62, 63], Enumerable.Range(0, 3).Select(document.Cell(4).FileLine));
        Assert.Null(document.MetadataLine);
    }

    [Fact]
    public void Parse_MalformedMeta_ThrowsNamingTheFileAndALineInTheBlock()
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse("#!meta\n\n{\"kernelInfo\": [\n\n#!csharp\n\nvar a = 1;\n", "bad.dib"));

        Assert.Equal("bad.dib", error.File);
        Assert.InRange(error.Line, 2, 5);
        Assert.StartsWith("invalid #!meta JSON", error.Reason);
    }

    [Fact]
    public void Parse_NoMeta_StillParsesAndValidatorReportsIt()
    {
        var text = "#!csharp\n\nvar a = 1;\n";
        var document = NotebookReader.Parse(text, "x.dib");

        var problem = Assert.Single(NotebookValidator.Check(document, text, pins: null));

        Assert.True(problem.IsError);
        Assert.StartsWith("no #!meta block", problem.Message);
    }
}

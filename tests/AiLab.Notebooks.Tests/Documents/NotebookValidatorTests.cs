using AiLab.Notebooks.Documents;

namespace AiLab.Notebooks.Tests.Documents;

public sealed class NotebookValidatorTests
{
    private const string Meta = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n";

    private static IReadOnlyList<NotebookProblem> Check(string text) => NotebookValidator.Check(DibParser.Parse(text), text);

    [Fact]
    public void Check_VsCodeNotebook_HasNoProblems()
    {
        Assert.Empty(Check(DibParserTests.VsCodeNotebook));
    }

    [Fact]
    public void Check_MissingMeta_IsAnError()
    {
        var problem = Assert.Single(Check("#!csharp\n\nvar a = 1;\n"));

        Assert.True(problem.IsError);
        Assert.Contains("no #!meta", problem.Message);
    }

    [Theory]
    [InlineData("#!CSharp", "case-sensitive; did you mean '#!csharp'?")]
    [InlineData("#!pyhton", "neither a cell selector")]
    [InlineData("#!csharp ", "surrounding whitespace")]
    [InlineData("#!set --name a --value 1", "does not support")]
    [InlineData("#!share --from csharp x", "does not support")]
    [InlineData("#!connect mssql", "does not support")]
    [InlineData("#r \"nuget: Plotly.NET, 4.0\"", "NuGet references")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "package sources")]
    public void Check_UnsupportedOrUnknownDirectiveInCSharp_IsAnErrorOnItsLine(string line, string reason)
    {
        var problems = Check(Meta + $"#!csharp\n\nvar a = 1;\n{line}\n");

        var problem = Assert.Single(problems);
        Assert.True(problem.IsError);
        Assert.Equal((1, 8), (problem.Cell, problem.Line));
        Assert.Contains(reason, problem.Message);
    }

    [Fact]
    public void Check_TimeMagic_IsSupported()
    {
        Assert.Empty(Check(Meta + "#!csharp\n\n#!time\nvar a = 1;\n"));
    }

    [Theory]
    [InlineData("fsharp")]
    [InlineData("pwsh")]
    [InlineData("value")]
    [InlineData("javascript")]
    public void Check_CellOfAnotherKernel_IsAnError(string kernel)
    {
        var problem = Assert.Single(Check(Meta + $"#!csharp\n\nvar a = 1;\n\n#!{kernel}\n\nx\n"));

        Assert.Equal((2, 11), (problem.Cell, problem.Line));
        Assert.Contains($"'{kernel}' cells are not supported", problem.Message);
    }

    [Fact]
    public void Check_MarkdownLineThatBecomesASelectorWhenTrimmed_IsAnError()
    {
        var problem = Assert.Single(Check(Meta + "#!markdown\n\nText\n#!csharp   \nmore\n\n#!csharp\n\nx\n"));

        Assert.Equal((1, 8), (problem.Cell, problem.Line));
        Assert.Contains("would split the cell", problem.Message);
    }

    [Fact]
    public void Check_MarkdownCellCutInsideACodeFence_IsAnError()
    {
        // The author meant to show a selector inside a code block; it started a new cell instead.
        var problem = Assert.Single(Check(Meta + "#!markdown\n\nCells start with:\n\n```\n#!csharp\nvar a = 1;\n```\n"),
            p => p.IsError);

        Assert.Equal(1, problem.Cell);
        Assert.Contains("ends inside a ``` code block", problem.Message);
    }

    [Fact]
    public void Check_ClosedCodeFenceInMarkdown_IsFine()
    {
        Assert.Empty(Check(Meta + "#!markdown\n\n```csharp\nvar a = 1;\n```\n\n#!csharp\n\nx\n"));
    }

    [Fact]
    public void Check_MetaReachingTheEndOfFile_IsAnError()
    {
        var problems = Check("#!meta\n\n{\"kernelInfo\":{}}");

        Assert.Contains(problems, p => p.IsError && p.Message.Contains("also reads its last line as a cell"));
    }

    [Fact]
    public void Check_FileNotInVsCodeForm_IsOnlyAWarning()
    {
        var problem = Assert.Single(Check(Meta + "#!csharp\nvar a = 1;\n"));

        Assert.False(problem.IsError);
        Assert.Contains("not in the form VS Code writes", problem.Message);
    }

    [Fact]
    public void FindUnsupported_ReportsEveryUnsupportedCellAndDirective()
    {
        var document = DibParser.Parse(Meta + "#!csharp\n\n#r \"nuget:X\"\n\n#!fsharp\n\nlet x = 1\n\n#!csharp\n\n#!value --name y\n");

        var problems = NotebookValidator.FindUnsupported(document).ToList();

        Assert.Equal([(1, 7), (2, 11), (3, 15)], problems.Select(p => (p.Cell ?? 0, p.Line)));
    }
}

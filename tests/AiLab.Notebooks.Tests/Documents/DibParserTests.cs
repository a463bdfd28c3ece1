using System.Text;
using AiLab.Notebooks.Documents;

namespace AiLab.Notebooks.Tests.Documents;

public sealed class DibParserTests
{
    // A notebook as VS Code writes it: #!meta, one-line JSON, a blank line after each selector and after each cell.
    internal const string VsCodeNotebook =
        "#!meta\n\n" +
        "{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n" +
        "#!markdown\n\n# 01 · Evaluation metrics\n\nWhy accuracy misleads.\n\n" +
        "#!csharp\n\n#r \"../artifacts/bin/AiLab/release/AiLab.dll\"\nusing AiLab;\n  \n#!time\nvar x = 1;\n\n" +
        "#!markdown\n\n## Pitfalls\n\n" +
        "#!csharp\n\nx\n";

    private static (string Kernel, string Content, int StartLine)[] Cells(NotebookDocument document) =>
        [.. document.Cells.Select(c => (c.Kernel, c.Content, c.StartLine))];

    [Fact]
    public void Parse_VsCodeNotebook_ReadsCellsKernelsAndStartLines()
    {
        var document = DibParser.Parse(VsCodeNotebook);

        Assert.Equal(
        [
            ("markdown", "# 01 · Evaluation metrics\n\nWhy accuracy misleads.", 7),
            ("csharp", "#r \"../artifacts/bin/AiLab/release/AiLab.dll\"\nusing AiLab;\n  \n#!time\nvar x = 1;", 13),
            ("markdown", "## Pitfalls", 21),
            ("csharp", "x", 25),
        ], Cells(document));
        Assert.Equal([1, 2, 3, 4], document.Cells.Select(c => c.Number));
        Assert.Equal(1, document.Metadata!.Line);
        Assert.Equal("csharp", document.Metadata.DefaultKernelName);
    }

    [Fact]
    public void Write_ParsedVsCodeNotebook_IsByteIdentical()
    {
        Assert.Equal(VsCodeNotebook, DibWriter.Write(DibParser.Parse(VsCodeNotebook)));
    }

    [Fact]
    public void Write_NotebookWithKernelItemsLanguageNamesAndAliases_IsByteIdentical()
    {
        var text =
            "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\",\"languageName\":\"C#\",\"aliases\":[\"c#\",\"C#\"]}," +
            "{\"name\":\"fsharp\",\"languageName\":\"F#\",\"aliases\":[\"f#\",\"fs\"]},{\"name\":\"html\",\"languageName\":\"HTML\"}]}}\n\n" +
            "#!csharp\n\nConsole.WriteLine(\"a\");\n\n#!markdown\n\ntext\n";
        Assert.Equal(text, DibWriter.Write(DibParser.Parse(text)));
    }

    [Fact]
    public void ParseFile_CrlfAndByteOrderMark_GiveTheSameCellsAsLf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ailab-crlf-{Guid.NewGuid():N}.dib");
        try
        {
            var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(VsCodeNotebook.Replace("\n", "\r\n"))).ToArray();
            File.WriteAllBytes(path, crlf);

            var document = DibParser.ParseFile(path);

            Assert.Equal(Cells(DibParser.Parse(VsCodeNotebook)), Cells(document));
            Assert.Equal(VsCodeNotebook, DibWriter.Write(document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_LoneCarriageReturn_StaysInsideTheLine()
    {
        var document = DibParser.Parse("#!csharp\na\rb\n");

        Assert.Equal("a\rb", Assert.Single(document.Cells).Content);
    }

    [Fact]
    public void Parse_MetaSpanningLinesWithOtherKeyOrderAndAliasOnlyItems_DeclaresKernels()
    {
        var text = "#!meta\n{\n  \"kernelInfo\": {\n    \"items\": [ { \"aliases\": [\"sq\"], \"name\": \"sql-db\" } ],\n" +
                   "    \"defaultKernelName\": \"csharp\"\n  }\n}\n#!sq\nSELECT 1\n#!sql-db\nSELECT 2\n";

        var document = DibParser.Parse(text);

        Assert.Equal([("sql-db", "SELECT 1", 9), ("sql-db", "SELECT 2", 11)], Cells(document));
        Assert.Equal(new KernelInfo("sql-db", ["sq"]), document.Metadata!.DeclaredKernels.Single(), KernelInfoComparer.Instance);
        Assert.False(document.Metadata.ReachesEndOfFile);
    }

    [Fact]
    public void Write_MultiLineMeta_IsWrittenOnOneLine()
    {
        var document = DibParser.Parse("#!meta\n{\n  \"kernelInfo\": { \"defaultKernelName\": \"csharp\" }\n}\n#!csharp\nx\n");

        Assert.Equal("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n#!csharp\n\nx\n", DibWriter.Write(document));
    }

    [Fact]
    public void Parse_NoMeta_IsValidAndHasNoMetadata()
    {
        var document = DibParser.Parse("#!csharp\n\nvar a = 1;\n");

        Assert.Null(document.Metadata);
        Assert.Equal([("csharp", "var a = 1;", 3)], Cells(document));
    }

    [Theory]
    [InlineData("csharp", "csharp")]
    [InlineData("c#", "csharp")]
    [InlineData("cs", "csharp")]
    [InlineData("C#", "csharp")]
    [InlineData("fsharp", "fsharp")]
    [InlineData("f#", "fsharp")]
    [InlineData("fs", "fsharp")]
    [InlineData("markdown", "markdown")]
    [InlineData("md", "markdown")]
    [InlineData("html", "html")]
    [InlineData("http", "http")]
    [InlineData("javascript", "javascript")]
    [InlineData("js", "javascript")]
    [InlineData("mermaid", "mermaid")]
    [InlineData("pwsh", "pwsh")]
    [InlineData("powershell", "pwsh")]
    [InlineData("value", "value")]
    public void Parse_KnownNameOrAlias_StartsACellOfTheCanonicalKernel(string selector, string kernel)
    {
        var document = DibParser.Parse($"var a = 1;\n#!{selector}\ncontent\n");

        Assert.Equal([("csharp", "var a = 1;", 1), (kernel, "content", 3)], Cells(document));
    }

    [Theory]
    [InlineData("#!CSharp")]
    [InlineData("#!csharp ")]
    [InlineData(" #!csharp")]
    [InlineData("#!Markdown")]
    [InlineData("#!time")]
    [InlineData("#!set --name x --value 1")]
    [InlineData("#!unknown")]
    public void Parse_LineThatIsNotExactlyASelector_StaysInTheCell(string line)
    {
        var document = DibParser.Parse($"#!csharp\nvar a = 1;\n{line}\nvar b = 2;\n");

        Assert.Equal([("csharp", $"var a = 1;\n{line}\nvar b = 2;", 2)], Cells(document));
    }

    [Fact]
    public void Parse_TextBeforeTheFirstSelector_IsCSharp()
    {
        var document = DibParser.Parse("\n\nvar a = 1;\n\n#!markdown\n# Title\n");

        Assert.Equal([("csharp", "var a = 1;", 3), ("markdown", "# Title", 6)], Cells(document));
    }

    [Fact]
    public void Parse_EmptyLinesAroundACell_AreTrimmedButWhitespaceLinesStay()
    {
        var document = DibParser.Parse("#!csharp\n\n\n  \nvar a = 1;\n\t\n\n\n#!markdown\ntext\n");

        Assert.Equal([("csharp", "  \nvar a = 1;\n\t", 4), ("markdown", "text", 10)], Cells(document));
    }

    [Fact]
    public void Parse_EmptyCells_AreDropped()
    {
        var document = DibParser.Parse("#!markdown\n\n\n#!csharp\n#!markdown\n\n#!csharp\n\nvar a = 1;\n");

        Assert.Equal([("csharp", "var a = 1;", 9)], Cells(document));
        Assert.Equal(1, document.Cells[0].Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public void Parse_EmptyFile_IsOneEmptyCSharpCell(string text)
    {
        var document = DibParser.Parse(text);

        Assert.Equal([("csharp", "", 1)], Cells(document));
    }

    [Fact]
    public void Parse_OnlySelectors_IsOneEmptyCellOfTheLastKernel()
    {
        // Polyglot Notebooks keeps the kernel that was selected last.
        Assert.Equal([("markdown", "", 1)], Cells(DibParser.Parse("#!csharp\n#!markdown\n")));
    }

    [Fact]
    public void Parse_MetaAfterCells_IsStillTheMetadataAndItsClosingLineStartsACell()
    {
        var document = DibParser.Parse("var a = 1;\n#!meta\n{\"kernelInfo\":{}}\n#!markdown\ntext\n#!meta\nagain\n");

        Assert.Equal(2, document.Metadata!.Line);
        Assert.Equal([("csharp", "var a = 1;", 1), ("markdown", "text\n#!meta\nagain", 5)], Cells(document));
    }

    [Fact]
    public void Parse_MetaReachingTheEndOfTheFile_AlsoReadsItsLastLineAsCellContent()
    {
        // Polyglot's loop stops on the last line and then processes it as content: reproduced, reported by `check`.
        var document = DibParser.Parse("#!meta\n{\"kernelInfo\":\n{}}");

        Assert.True(document.Metadata!.ReachesEndOfFile);
        Assert.Equal([("csharp", "{}}", 3)], Cells(document));
    }

    [Fact]
    public void Parse_MetaWithTrailingNewlineOnly_HasNoCells()
    {
        var document = DibParser.Parse("#!meta\n\n{\"kernelInfo\":{}}\n");

        Assert.True(document.Metadata!.ReachesEndOfFile);
        Assert.Equal([("csharp", "", 1)], Cells(document));
    }

    [Theory]
    [InlineData("#!meta\n\n{\"kernelInfo\":\n\n#!csharp\nx\n", 3, "not valid JSON")]
    [InlineData("#!meta\n\n\n#!csharp\nx\n", 1, "not valid JSON")]
    [InlineData("#!meta\n[1, 2]\n#!csharp\nx\n", 1, "must be a JSON object")]
    [InlineData("#!meta\n{\"kernelInfo\":{\"items\":[{\"aliases\":[]}]}}\n#!csharp\nx\n", 1, "has no \"name\"")]
    [InlineData("#!meta\n{\"kernelInfo\":{\"items\":[{\"name\":\"#bad\"}]}}\n#!csharp\nx\n", 1, "starts with '#'")]
    [InlineData("#!meta\n{\"kernelInfo\":{\"items\":[{\"name\":\"other\",\"aliases\":[\"cs\"]}]}}\n#!csharp\nx\n", 1, "already selects kernel 'csharp'")]
    [InlineData("#!meta", 1, "not valid JSON")]
    public void Parse_InvalidMeta_ThrowsNamingTheLine(string text, int line, string reason)
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Parse(text, "/x/nb.dib"));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"nb.dib({line}): ", error.Message);
    }

    [Fact]
    public void Parse_MetaRedeclaringAKnownKernel_KeepsItsAliases()
    {
        var document = DibParser.Parse("#!meta\n{\"kernelInfo\":{\"items\":[{\"name\":\"csharp\",\"aliases\":[]}]}}\n#!markdown\nm\n#!c#\nx\n");

        Assert.Equal([("markdown", "m", 4), ("csharp", "x", 6)], Cells(document));
    }

    [Fact]
    public void ParseFile_InvalidUtf8_ThrowsNamingTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ailab-utf8-{Guid.NewGuid():N}.dib");
        try
        {
            File.WriteAllBytes(path, [.. "#!csharp\nx\n"u8, 0xFF, (byte)'\n']);

            var error = Assert.Throws<NotebookFormatException>(() => DibParser.ParseFile(path));

            Assert.Equal(3, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_CanonicalSelectors_ReplaceAliases()
    {
        Assert.Equal("#!csharp\n\nx\n\n#!markdown\n\nm\n", DibWriter.Write(DibParser.Parse("#!c#\nx\n#!md\nm")));
    }

    [Theory]
    [InlineData("#!csharp")]
    [InlineData("#!md")]
    public void Write_ContentLineThatIsASelector_Throws(string line)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DibWriter.Write(null, [("markdown", "text"), ("markdown", $"```\n{line}\n```")], KernelNames.Default()));

        Assert.Contains("cell 2, content line 2", error.Message);
        Assert.Contains("split the cell", error.Message);
    }

    [Fact]
    public void Write_MetaLineInAFileWithoutMetadata_Throws()
    {
        Assert.Throws<ArgumentException>(() => DibWriter.Write(null, [("csharp", "#!meta")], KernelNames.Default()));
    }

    [Fact]
    public void Write_UnknownKernel_Throws()
    {
        Assert.Throws<ArgumentException>(() => DibWriter.Write(null, [("c#", "x")], KernelNames.Default()));
    }

    private sealed class KernelInfoComparer : IEqualityComparer<KernelInfo>
    {
        public static readonly KernelInfoComparer Instance = new();

        public bool Equals(KernelInfo? x, KernelInfo? y) => x!.Name == y!.Name && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(KernelInfo obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}

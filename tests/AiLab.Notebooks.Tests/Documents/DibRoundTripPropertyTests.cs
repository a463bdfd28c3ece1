using AiLab.Notebooks.Documents;
using FsCheck;
using FsCheck.Fluent;
using System.Text.Json.Nodes;

namespace AiLab.Notebooks.Tests.Documents;

/// <summary>Properties of parse and write over generated files, with a fixed seed so failures replay.</summary>
public sealed class DibRoundTripPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(300)
        .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20240611UL, 7UL), null)));

    // Lines chosen to hit every rule: selectors and aliases, near-selectors, magic commands, blank and
    // whitespace-only lines, C# and markdown text.
    private static readonly string[] LinePool =
    [
        "", "", "", "  ", "\t", "#!csharp", "#!markdown", "#!md", "#!c#", "#!C#", "#!cs", "#!fsharp", "#!html", "#!value",
        "#!CSharp", "#!csharp ", " #!markdown", "#!time", "#!set --name a", "#!", "var x = 1;", "Console.WriteLine(x);",
        "# Title", "Some *markdown* text", "```", "#r \"lib.dll\"", "x", "é ü 中",
    ];

    private static readonly Gen<string> Files =
        from lines in Gen.ListOf(Gen.Elements(LinePool))
        // A #!meta block runs to the next #! line, so it is always followed by a selector here (else the JSON is invalid).
        from meta in Gen.Elements("", "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!markdown\n",
            "#!meta\n{\n \"kernelInfo\": {\"items\": [{\"name\": \"sql\", \"aliases\": [\"q\"]}]}\n}\n#!q\nSELECT 1\n")
        from newline in Gen.Elements("\n", "\r\n")
        from bom in Gen.Elements("", "\uFEFF")
        from trailing in Gen.Elements("", "\n")
        select bom + meta.Replace("\n", newline) + string.Join(newline, lines) + trailing;

    private static readonly Gen<(string Kernel, string Content)[]> CellLists =
        Gen.ArrayOf(
            from kernel in Gen.Elements("csharp", "markdown", "fsharp", "html")
            from lines in Gen.NonEmptyListOf(Gen.Elements(LinePool.Where(l => !KernelNames.Default().IsSelectorLine(l)).ToArray()))
            select (kernel, string.Join('\n', lines)));

    // A file without content is one empty cell (of the last selected kernel); the writer, like VS Code's, omits it.
    private static (string, string)[] Cells(NotebookDocument document) =>
        [.. document.Cells.Where(c => c.Content.Length > 0).Select(c => (c.Kernel, c.Content))];

    private static bool SameMetadata(NotebookMetadata? a, NotebookMetadata? b) =>
        a is null ? b is null : b is not null && JsonNode.DeepEquals(JsonNode.Parse(a.Json), JsonNode.Parse(b.Json));

    [Fact]
    public void ParseWriteParse_AnyFile_GivesTheSameCells()
    {
        Prop.ForAll(Files.ToArbitrary(), text =>
        {
            var document = DibParser.Parse(text);
            var reparsed = DibParser.Parse(DibWriter.Write(document));
            return Cells(reparsed).SequenceEqual(Cells(document)) && SameMetadata(document.Metadata, reparsed.Metadata);
        }).Check(Seeded);
    }

    [Fact]
    public void WriteParseWrite_GeneratedCells_IsByteIdentical()
    {
        Prop.ForAll(CellLists.ToArbitrary(), cells =>
        {
            var written = DibWriter.Write("{\"kernelInfo\":{}}", cells, KernelNames.Default());
            var document = DibParser.Parse(written);
            var expected = cells.Where(c => c.Content.Split('\n').Any(l => l.Length > 0)).Select(c => (c.Kernel, Trim(c.Content)));
            return DibWriter.Write(document) == written && Cells(document).SequenceEqual(expected);
        }).Check(Seeded);
    }

    private static string Trim(string content)
    {
        var lines = content.Split('\n').SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse();
        return string.Join('\n', lines);
    }
}

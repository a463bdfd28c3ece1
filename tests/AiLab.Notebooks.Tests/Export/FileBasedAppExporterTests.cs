using System.Diagnostics;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Export;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Export;

public sealed class FileBasedAppExporterTests
{
    private static readonly string Notebook = Path.Combine(TestPaths.TestNotebooks, "export.dib");

    internal static string Export(string outputPath) =>
        FileBasedAppExporter.Export(DibParser.ParseFile(Notebook), Notebook, outputPath);

    [Fact]
    public void Export_Cells_BecomeStatementsWithRenamedRedeclarationsAndTypesLast()
    {
        var program = Export(Path.Combine(TestPaths.TestNotebooks, "out", "export.cs"));

        Assert.StartsWith("#:property PublishAot=false\n", program);
        Assert.Contains("\nusing System.Globalization;\nusing System.IO;\nusing static NotebookDisplay;\n", program);
        Assert.Contains("// # Export\n//\n// Cells become top-level statements; this text becomes comments.\n", program);
        Assert.Contains("// ── loaded from helpers/util.csx ──\n// Loaded with #load, relative to the notebook's folder.\nint Twice(int value) => value * 2;\n", program);
        Assert.Contains("int counter = default;\n", program);
        Assert.Contains("const int Limit = 3;\n", program);
        Assert.Contains("int Add(int a, int b) => a + b;\nstring Add_2(string a, string b) => a + b;\n", program);
        Assert.Contains("{Add(1, 2)} {Add_2(\"a\", \"b\")}", program);
        Assert.Contains("display(model + 1);\n", program);
        Assert.Contains("var model_2 = \"second\"; // redeclared with another type, as cells may\n", program);
        Assert.Contains("var p = new Point_2();\n", program);
        Assert.Contains("Console.WriteLine(1.5.ToString(CultureInfo.InvariantCulture));\n", program);
        Assert.DoesNotContain("#!time", program);
        Assert.DoesNotContain("#load \"", program);
        Assert.Contains("System.IO.Path.Combine(AppContext.GetData(\"EntryPointFileDirectoryPath\") as string ?? \".\", \"..\")", program);
        var types = program[program.IndexOf("// ── types declared in the notebook ──", StringComparison.Ordinal)..];
        Assert.Contains("record Point(int X, int Y);", types);
        Assert.Contains("class Point_2 { public int Z = 7; }", types);
    }

    [Fact]
    public void ProjectReferences_ArtifactsDll_BecomesTheProjectThatBuildsIt()
    {
        var root = TestPaths.NewTempDirectory("repo");
        Directory.CreateDirectory(Path.Combine(root, "lib", "AiLab"));
        File.WriteAllText(Path.Combine(root, "lib", "AiLab", "AiLab.csproj"), "<Project />");
        var notebook = Path.Combine(root, "notebooks", "01.dib");

        var directive = ProjectReferences.ToDirective("../artifacts/bin/AiLab/release/AiLab.dll", notebook, Path.Combine(root, "artifacts", "export"));

        Assert.Equal("#:project ../../lib/AiLab/AiLab.csproj", directive);
        Assert.Null(ProjectReferences.ToDirective("System.Net.Http", notebook, root));
        Assert.Throws<ArgumentException>(() => ProjectReferences.ToDirective("lib/Other.dll", notebook, root));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Export_UnsupportedOrUncompilableCell_ThrowsNamingTheCellAndLine()
    {
        var document = DibParser.Parse("#!csharp\n\nvar a = 1;\n\n#!csharp\n\nvar b = a + missing;\n", Notebook);

        var error = Assert.Throws<ExportException>(() => FileBasedAppExporter.Export(document, Notebook, "/tmp/x.cs"));

        Assert.Equal((2, 7), (error.Cell, error.Line));
        Assert.Contains("CS0103", error.Message);
    }

    [Fact]
    public void Export_CellLevelProperty_IsRefused()
    {
        var document = DibParser.Parse("#!csharp\n\nint Answer => 42;\n", Notebook);

        var error = Assert.Throws<ExportException>(() => FileBasedAppExporter.Export(document, Notebook, "/tmp/x.cs"));

        Assert.Equal((1, 3), (error.Cell, error.Line));
        Assert.Contains("PropertyDeclaration", error.Message);
    }
}

[Collection(NotebookProcessCollection.Name)]
public sealed class FileBasedAppRunTests
{
    [Fact]
    public async Task DotnetRun_ExportedNotebook_PrintsWhatTheNotebookShows()
    {
        // Outside the repository, next to a copy of the notebook's folder (the program runs there, as the notebook does).
        var directory = TestPaths.NewTempDirectory("fba");
        var notebooks = Path.Combine(directory, "notebooks");
        Directory.CreateDirectory(Path.Combine(notebooks, "data"));
        File.Copy(Path.Combine(TestPaths.TestNotebooks, "data", "input.txt"), Path.Combine(notebooks, "data", "input.txt"));
        var program = Path.Combine(directory, "export", "export.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, FileBasedAppExporterTests.Export(program).Replace("\"..\"", "\"../notebooks\""));

        var start = new ProcessStartInfo("dotnet", ["run", program]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        Assert.Equal("1 0 3 4 3 ab Point { X = 1, Y = 2 }\n2\nsecond 7 True\n[ 1, 2 ]\n1.5\n", await output);
        Directory.Delete(directory, recursive: true);
    }
}

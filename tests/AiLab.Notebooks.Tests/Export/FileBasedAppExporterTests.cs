using System.Diagnostics;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Export;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Export;

public sealed class FileBasedAppExporterTests
{
    private static readonly string Notebook = Path.Combine(TestPaths.TestNotebooks, "export.dib");

    private static string Export(string outputPath) => FileBasedAppExporter.Export(NotebookReader.ReadFile(Notebook), outputPath);

    [Fact]
    public void Export_Cells_BecomeStatementsWithPackagesRenamedRedeclarationsAndTypesLast()
    {
        var program = Export(Path.Combine(TestPaths.TestNotebooks, "out", "export.cs"));

        Assert.StartsWith("#:property PublishAot=false\n", program);
        Assert.Contains("\n#:package Humanizer.Core@2.14.1\n", program);
        Assert.Contains("\nusing System.Globalization;\nusing Humanizer;\nusing System.IO;\nusing static NotebookDisplay;\n", program);
        Assert.Contains("// # Export\n//\n// Cells become top-level statements; this text becomes comments.\n", program);
        Assert.Contains("// ── loaded from helpers/util.csx ──\n", program);
        Assert.Contains("int Twice(int value) => value * 2;\n", program);
        Assert.Contains("int counter = default;\n", program);
        Assert.Contains("const int Limit = 3;\n", program);
        Assert.Contains("int Add(int a, int b) => a + b;\n", program);
        Assert.Contains("ShowValue(() => model + 1);\n", program);
        Assert.Contains("ShowValue(() => Console.WriteLine(1.5.ToString(CultureInfo.InvariantCulture)));\n", program);
        Assert.Contains("var model_2 = \"second\"; // redeclared with another type, as cells may\n", program);
        Assert.Contains("var p = new Point_2();\n", program);
        Assert.Contains("// #!time (notebook only)\n", program);
        Assert.DoesNotContain("#load \"", program);
        Assert.DoesNotContain("#r \"", program);
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
    public void Export_FSharpCell_ThrowsNamingTheCellAndLine()
    {
        var document = NotebookReader.Parse("#!csharp\n\nvar a = 1;\n\n#!fsharp\n\nlet b = 2\n", Notebook);

        var error = Assert.Throws<ExportException>(() => FileBasedAppExporter.Export(document, Path.Combine(TestPaths.TestNotebooks, "out", "x.cs")));

        Assert.Equal((2, 7), (error.Cell, error.Line));
        Assert.Contains("a fsharp cell cannot be part of a C# program", error.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Export_RunsWithDotnetRun_AndPrintsWhatTheNotebookShows()
    {
        // Outside the repository, so the app does not inherit its build settings; the notebook's data folder is
        // reached through the path the export writes.
        var folder = TestPaths.NewTempDirectory("export-run");
        var output = Path.Combine(folder, "export.cs");
        File.WriteAllText(output, Export(output));

        using var run = Process.Start(new ProcessStartInfo("dotnet", ["run", output])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
        })!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();

        Assert.True(run.ExitCode == 0, await stdout + await stderr);
        Assert.Equal("1 0 3 4 3 ab Point { X = 1, Y = 2 } 3 dollars\n2\nsecond 7 True\n[ 1, 2 ]\n1.5\n", (await stdout).Replace("\r\n", "\n"));
        Directory.Delete(folder, recursive: true);
    }
}

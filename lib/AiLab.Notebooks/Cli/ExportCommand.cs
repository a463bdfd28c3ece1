using System.CommandLine;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Export;
using AiLab.Notebooks.Output;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary><c>ailab export --to ipynb|cs [paths…] [--out DIR]</c>: Jupyter notebooks without outputs, or .NET 10 file-based apps.</summary>
internal static class ExportCommand
{
    /// <summary>The command with its options and action.</summary>
    public static Command Create()
    {
        var paths = NotebookArguments.Paths();
        var to = new Option<string>("--to") { Description = "ipynb (Jupyter, no outputs) or cs (a .NET 10 file-based app: dotnet run file.cs)", Required = true };
        to.AcceptOnlyFromAmong("ipynb", "cs");
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => Path.Combine("artifacts", "export") };
        var command = new Command("export", "Export notebooks as .ipynb or as .NET 10 file-based apps") { paths, to, outDir };
        command.SetAction(parse => Execute(parse.GetValue(paths) ?? [], parse.GetValue(to)!, parse.GetValue(outDir)!));
        return command;
    }

    private static int Execute(string[] paths, string format, string outDir)
    {
        var console = AnsiConsole.Console;
        if (NotebookArguments.Find(console, paths) is not { } targets)
        {
            return ExitCodes.Usage;
        }
        var failures = 0;
        foreach (var target in targets)
        {
            var output = Path.Combine(Path.GetFullPath(outDir), $"{target.Stem}.{format}");
            try
            {
                var document = NotebookReader.ReadFile(target.FullPath);
                var text = format == "cs" ? FileBasedAppExporter.Export(document, output) : IpynbWriter.Write(document);
                AtomicFile.WriteAllText(output, text);
                console.MarkupLineInterpolated($"[green]wrote[/] {Path.GetRelativePath(Environment.CurrentDirectory, output)}");
            }
            catch (Exception e) when (e is NotebookFormatException or ExportException or IOException)
            {
                failures++;
                console.MarkupLineInterpolated($"[red]error:[/] {target.DisplayPath}: {e.Message}");
            }
        }
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}

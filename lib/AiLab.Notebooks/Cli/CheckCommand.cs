using System.CommandLine;
using AiLab.Notebooks.Documents;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary><c>ailab check [paths…]</c>: parses and validates notebooks without running them.</summary>
internal static class CheckCommand
{
    /// <summary>The command with its arguments and action.</summary>
    public static Command Create()
    {
        var paths = NotebookArguments.Paths();
        var command = new Command("check", "Parse and validate notebooks without running them (unknown kernels, malformed #!meta, lines that would split a cell, package versions that differ from Directory.Packages.props)")
        {
            paths,
        };
        command.SetAction(parse => Execute(parse.GetValue(paths) ?? []));
        return command;
    }

    private static int Execute(string[] paths)
    {
        var console = AnsiConsole.Console;
        if (NotebookArguments.Find(console, paths) is not { } targets)
        {
            return ExitCodes.Usage;
        }

        var errors = 0;
        var warnings = 0;
        foreach (var target in targets)
        {
            IReadOnlyList<NotebookProblem> problems;
            try
            {
                var text = NotebookReader.ReadText(target.FullPath);
                problems = NotebookValidator.Check(NotebookReader.Parse(text, target.FullPath), text, PackagePins.Find(Path.GetDirectoryName(target.FullPath)!));
            }
            catch (NotebookFormatException e)
            {
                problems = [new NotebookProblem(true, null, e.Line, e.Reason)];
            }
            foreach (var problem in problems)
            {
                var cell = problem.Cell is { } c ? $"cell {c}: " : "";
                var severity = problem.IsError ? "[red]error[/]" : "[yellow]warning[/]";
                console.MarkupLine($"{Markup.Escape(target.DisplayPath)}({problem.Line}): {severity}: {Markup.Escape(cell + problem.Message)}");
            }
            errors += problems.Count(p => p.IsError);
            warnings += problems.Count(p => !p.IsError);
        }
        console.MarkupLineInterpolated($"{targets.Count} notebooks checked: {errors} errors, {warnings} warnings");
        return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}

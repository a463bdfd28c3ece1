using System.CommandLine;
using AiLab.Notebooks.Running;
using Spectre.Console;

namespace AiLab.Notebooks.Cli;

/// <summary>The <c>paths</c> argument the commands share, and turning it into notebooks with usage errors reported.</summary>
internal static class NotebookArguments
{
    /// <summary>A new <c>paths</c> argument (each command needs its own instance).</summary>
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Notebooks or folders of notebooks (default: the repository's notebooks folder)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The notebooks <paramref name="paths"/> name (see <see cref="NotebookFinder.Find"/>), or null after printing
    /// the reason to <paramref name="console"/> (the command then exits with <see cref="ExitCodes.Usage"/>).
    /// </summary>
    public static IReadOnlyList<NotebookTarget>? Find(IAnsiConsole console, string[] paths, string? filter = null, string? shard = null)
    {
        try
        {
            return NotebookFinder.Find(paths, filter, shard is null ? null : Shard.Parse(shard));
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return null;
        }
    }
}

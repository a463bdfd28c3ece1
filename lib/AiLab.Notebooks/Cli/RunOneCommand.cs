using System.CommandLine;
using AiLab.Notebooks.Isolation;

namespace AiLab.Notebooks.Cli;

/// <summary>The hidden <c>ailab run-one &lt;notebook&gt; --report FILE</c>: the notebook process <c>ailab run</c> starts.</summary>
internal static class RunOneCommand
{
    /// <summary>The command with its options and action.</summary>
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .dib file" };
        var report = new Option<string>("--report") { Description = "The JSON-lines report file to write", Required = true };
        var command = new Command("run-one", "Run one notebook in this process (used by 'run')") { notebook, report };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var code = NotebookChild.Run(parse.GetValue(notebook)!, parse.GetValue(report)!);
            // Threads a notebook left running must not keep the process alive.
            Environment.Exit(code);
            return code;
        });
        return command;
    }
}

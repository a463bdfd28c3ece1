using System.CommandLine;
using AiLab.Notebooks.Cli;
using Spectre.Console;

// Redirected output (CI logs, pipes) has no width; wrapping would break `file(line): error` lines apart.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 4096;
}

var root = new RootCommand("ailab: run, check and export the AiLab notebooks (.dib, .ipynb) headlessly in the official .NET Interactive kernel")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

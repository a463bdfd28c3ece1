using System.CommandLine;
using AiLab.Notebooks.Cli;

var root = new RootCommand("ailab: run, check and export the AiLab .dib notebooks headlessly")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ExportCommand.Create(),
    RunOneCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

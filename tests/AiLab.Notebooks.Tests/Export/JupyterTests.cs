using System.Diagnostics;
using System.Text.Json.Nodes;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Output;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Export;

/// <summary>
/// An exported .ipynb executes under Jupyter's ".NET (C#)" kernel (<c>jupyter nbconvert --execute</c>), which
/// scripts/setup-jupyter.sh registers. Skipped, saying why, only when Jupyter is absent and that script cannot install it.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class JupyterTests
{
    [SkippableFact]
    public async Task ExportedNotebook_ExecutesWithJupyterNbconvert()
    {
        var problem = await EnsureJupyterAsync();
        Skip.If(problem is not null, $"Jupyter is not available and scripts/setup-jupyter.sh could not install it: {problem}");

        // Inside the repository: the kernelspec's `dotnet interactive` finds the local tool from the working directory.
        var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "jupyter-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var notebook = Path.Combine(folder, "threads.ipynb");
        File.WriteAllText(notebook, IpynbWriter.Write(NotebookReader.ReadFile(Path.Combine(TestPaths.TestNotebooks, "threads.dib"))));

        var (exitCode, output) = await RunAsync(folder, "jupyter", "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=180", "threads.ipynb", "--output", "executed.ipynb");

        Assert.True(exitCode == 0, output);
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "executed.ipynb")))!["cells"]!.AsArray();
        var printed = cells.Select(c => string.Concat(c!["outputs"]!.AsArray()
            .Where(o => (string?)o!["name"] == "stdout")
            .SelectMany(o => o!["text"]!.AsArray().Select(t => (string)t!)))).ToList();
        Assert.Equal(4, printed.Count);
        Assert.Matches(@"^cell1 \d+\n", printed[0]);
        Assert.Matches(@"^cell2 \d+ mark=cell 1\n$", printed[1]);
        Assert.Matches(@"^cell4 \d+ mark=cell 1\n$", printed[3]);
        Directory.Delete(folder, recursive: true);
    }

    // Null when `jupyter nbconvert` and the .NET (C#) kernelspec are there (after running the set-up step if needed).
    private static async Task<string?> EnsureJupyterAsync()
    {
        if (await IsReadyAsync())
        {
            return null;
        }
        var (exitCode, output) = await RunAsync(TestPaths.RepositoryRoot, "bash", Path.Combine(TestPaths.RepositoryRoot, "scripts", "setup-jupyter.sh"));
        return exitCode == 0 && await IsReadyAsync() ? null : output.Trim();
    }

    private static async Task<bool> IsReadyAsync()
    {
        try
        {
            var (exitCode, output) = await RunAsync(TestPaths.RepositoryRoot, "jupyter", "kernelspec", "list");
            return exitCode == 0 && output.Contains(".net-csharp", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no jupyter on PATH
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}

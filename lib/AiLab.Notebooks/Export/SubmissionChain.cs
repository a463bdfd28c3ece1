using System.Globalization;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace AiLab.Notebooks.Export;

/// <summary>Compiles a notebook's C# cells as the runner would, without running them, to read their syntax and symbols.</summary>
internal static class SubmissionChain
{
    /// <summary>The compiled cells in order.</summary>
    /// <exception cref="ExportException">A cell holds an unsupported directive or does not compile.</exception>
    public static IReadOnlyList<Submission> Compile(NotebookDocument document, string notebookPath)
    {
        if (NotebookValidator.FindUnsupported(document).FirstOrDefault() is { } problem)
        {
            throw new ExportException(problem.Cell ?? 0, problem.Line, problem.Message);
        }
        var fullPath = Path.GetFullPath(notebookPath);
        var options = ScriptOptionsFactory.Create(fullPath);
        var submissions = new List<Submission>();
        Script<object>? script = null;
        foreach (var cell in document.Cells.Where(c => c.IsCSharp))
        {
            var code = CellCode.From(cell, document.Kernels, fullPath, mapLines: false).Code;
            script = script is null ? CSharpScript.Create(code, options) : script.ContinueWith(code, options);
            var compilation = script.GetCompilation();
            var tree = compilation.SyntaxTrees.First(t => t.FilePath == fullPath);
            if (compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                var line = error.Location.SourceTree == tree ? cell.StartLine + error.Location.GetLineSpan().StartLinePosition.Line : cell.StartLine;
                throw new ExportException(cell.Number, line,
                    $"the cell does not compile ({error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}); export needs a notebook that runs (build the libraries it references first)");
            }
            submissions.Add(new Submission(cell, compilation, tree));
        }
        return submissions;
    }
}

using System.Diagnostics;
using System.Globalization;
using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;
using AiLab.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using OutputKind = AiLab.Notebooks.Results.OutputKind;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// Runs a notebook's C# cells in this process with Roslyn scripting: one submission per cell, each continuing the
/// state of the previous one, as Polyglot Notebooks' C# kernel does.
/// </summary>
internal sealed class NotebookSession
{
    private readonly NotebookDocument _document;
    private readonly string _notebookPath;
    private readonly OutputRecorder _recorder;
    private readonly ScriptOptions _options;
    private readonly List<int> _cellOfSubmission = [];
    private Script<object>? _script;
    private ScriptState<object>? _state;
    private int _executionCount;

    /// <summary>Creates a session for <paramref name="document"/>, read from <paramref name="notebookPath"/>.</summary>
    public NotebookSession(NotebookDocument document, string notebookPath, OutputRecorder recorder)
    {
        _document = document;
        _notebookPath = Path.GetFullPath(notebookPath);
        _recorder = recorder;
        _options = ScriptOptionsFactory.Create(_notebookPath);
    }

    /// <summary>
    /// Compiles and runs a trivial submission, so that the first cell's time (and timeout) does not include
    /// loading and JIT-compiling the compiler, which takes seconds.
    /// </summary>
    public async Task WarmUpAsync() => await CSharpScript.Create("0", _options).RunAsync();

    /// <summary>
    /// Compiles and runs one C# cell. Never throws for the cell's own faults: a compile error or an exception is
    /// returned in <see cref="CellExecution.Error"/> (with an error output), and the caller stops the notebook.
    /// </summary>
    public async Task<CellExecution> RunCellAsync(NotebookCell cell)
    {
        var execution = new CellExecution { Cell = cell.Number, ExecutionCount = ++_executionCount, Started = DateTimeOffset.UtcNow };
        var clock = Stopwatch.StartNew();
        var code = CellCode.From(cell, _document.Kernels, _notebookPath);
        var failure = await CompileAndRunAsync(cell, code);
        if (failure is not null)
        {
            execution.Error = failure.Value.Error;
            _recorder.Add(failure.Value.Output);
        }
        else if (code.Timed)
        {
            _recorder.Stream("stdout", $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture)}ms\n");
        }
        execution.Seconds = clock.Elapsed.TotalSeconds;
        execution.Outputs.AddRange(_recorder.TakeCellOutputs());
        return execution;
    }

    private async Task<(NotebookError Error, CellOutput Output)?> CompileAndRunAsync(NotebookCell cell, CellCode code)
    {
        var script = _script is null ? CSharpScript.Create(code.Code, _options) : _script.ContinueWith(code.Code, _options);
        _cellOfSubmission.Add(cell.Number);

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return CompileFailure(cell, errors);
        }
        var hasValue = HasTrailingValue(script.GetCompilation());
        try
        {
            _state = _state is null ? await script.RunAsync() : await script.RunFromAsync(_state);
            _script = script;
            if (hasValue)
            {
                _recorder.Add(new CellOutput { Kind = OutputKind.Result, Data = new(DisplayFormatter.Bundle(_state.ReturnValue)) });
            }
            return null;
        }
        catch (Exception exception)
        {
            return ExceptionFailure(cell, exception);
        }
    }

    // The submission has a value when it ends with an expression statement without a semicolon whose type is not void.
    private bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == _notebookPath) ?? compilation.SyntaxTrees.Last();
        if (((CompilationUnitSyntax)tree.GetRoot()).Members.LastOrDefault() is not GlobalStatementSyntax
            {
                Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement,
            })
        {
            return false;
        }
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private (NotebookError, CellOutput) CompileFailure(NotebookCell cell, List<Diagnostic> errors)
    {
        var fileName = Path.GetFileName(_notebookPath);
        int? line = null;
        var described = new List<string>();
        foreach (var error in errors)
        {
            var span = error.Location.GetMappedLineSpan();
            var message = $"error {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}";
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                described.Add(message);
                continue;
            }
            var inNotebook = span.Path == _notebookPath;
            if (inNotebook)
            {
                line ??= span.StartLinePosition.Line + 1;
            }
            described.Add($"{(inNotebook ? fileName : span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {message}");
        }
        var output = new CellOutput
        {
            Kind = OutputKind.Error,
            ErrorName = "CompilationError",
            ErrorValue = errors[0].GetMessage(CultureInfo.InvariantCulture),
            Traceback = described,
        };
        return (new NotebookError(cell.Number, line ?? cell.StartLine, string.Join('\n', described)), output);
    }

    private (NotebookError, CellOutput) ExceptionFailure(NotebookCell cell, Exception exception)
    {
        var (line, text) = StackTraceMapper.Map(exception, _notebookPath, cell, _cellOfSubmission);
        var output = new CellOutput
        {
            Kind = OutputKind.Error,
            ErrorName = exception.GetType().FullName ?? exception.GetType().Name,
            ErrorValue = exception.Message,
            Traceback = [.. text.Split('\n')],
        };
        return (new NotebookError(cell.Number, line, text), output);
    }
}

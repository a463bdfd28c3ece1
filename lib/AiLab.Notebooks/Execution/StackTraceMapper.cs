using System.Globalization;
using System.Text.RegularExpressions;
using AiLab.Notebooks.Documents;

namespace AiLab.Notebooks.Execution;

/// <summary>
/// Turns an exception thrown by a cell into a report a notebook author can use: the line in the .dib file where it
/// happened, and the stack trace with notebook line numbers, cell names instead of Roslyn's submission classes, and
/// without the frames of the scripting host.
/// </summary>
internal static partial class StackTraceMapper
{
    private const string AsyncBoundary = "--- End of stack trace from previous location ---";

    // Frames of the scripting host and of the plumbing every submission has (its factory, its async start).
    private static readonly string[] HostFramePrefixes =
    [
        "Microsoft.CodeAnalysis.Scripting.", "AiLab.Notebooks.", "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.AsyncMethodBuilderCore", "System.Runtime.CompilerServices.AsyncTaskMethodBuilder",
        "System.Runtime.ExceptionServices.ExceptionDispatchInfo", "System.Threading.ExecutionContext",
    ];

    /// <summary>Maps <paramref name="exception"/>, thrown while <paramref name="cell"/> ran.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="notebookPath">Full path of the notebook (the path in the cells' <c>#line</c> directives).</param>
    /// <param name="cell">The cell that was running.</param>
    /// <param name="cellOfSubmission">Cell number of each Roslyn submission, by submission index.</param>
    /// <returns>The line to report (a frame in the running cell, else any notebook frame, else the cell's first line) and the text.</returns>
    public static (int Line, string Text) Map(Exception exception, string notebookPath, NotebookCell cell, IReadOnlyList<int> cellOfSubmission)
    {
        var fileName = Path.GetFileName(notebookPath);
        int? lineInCell = null;
        int? lineInNotebook = null;
        string? pendingBoundary = null;
        var kept = new List<string>();

        foreach (var raw in exception.ToString().Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim() == AsyncBoundary)
            {
                pendingBoundary = line;
                continue;
            }
            var frame = Frame().Match(line);
            if (!frame.Success)
            {
                pendingBoundary = null;
                kept.Add(line);
                continue;
            }
            var method = frame.Groups["method"].Value;
            if (HostFramePrefixes.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal)) || SubmissionPlumbing().IsMatch(method))
            {
                continue;
            }
            if (frame.Groups["file"].Success && frame.Groups["file"].Value == notebookPath)
            {
                var number = int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture);
                lineInNotebook ??= number;
                if (number >= cell.StartLine && number <= cell.EndLine)
                {
                    lineInCell ??= number;
                }
                line = line.Replace($" in {notebookPath}:line ", $" in {fileName}:line ", StringComparison.Ordinal);
            }
            line = CellBody().Replace(line, m => $"cell {CellOf(m, cellOfSubmission)}");
            line = SubmissionPrefix().Replace(line, "");
            if (pendingBoundary is not null)
            {
                kept.Add(pendingBoundary);
                pendingBoundary = null;
            }
            kept.Add(line);
        }
        return (lineInCell ?? lineInNotebook ?? cell.StartLine, string.Join('\n', kept).TrimEnd());
    }

    private static string CellOf(Match submission, IReadOnlyList<int> cellOfSubmission)
    {
        var index = int.Parse(submission.Groups["index"].Value, CultureInfo.InvariantCulture);
        return index < cellOfSubmission.Count ? cellOfSubmission[index].ToString(CultureInfo.InvariantCulture) : $"#{index}";
    }

    [GeneratedRegex(@"^\s*at (?<method>.+?)(?: in (?<file>.+):line (?<line>\d+))?$")]
    private static partial Regex Frame();

    // The body of a cell compiles to Submission#N.<<Initialize>>d__0.MoveNext() (async state machine).
    [GeneratedRegex(@"Submission#(?<index>\d+)\.<<Initialize>>d__\d+\.MoveNext\(\)")]
    private static partial Regex CellBody();

    [GeneratedRegex(@"Submission#\d+\.")]
    private static partial Regex SubmissionPrefix();

    [GeneratedRegex(@"^Submission#\d+\.<(Initialize|Factory)>\(")]
    private static partial Regex SubmissionPlumbing();
}

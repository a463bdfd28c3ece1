using System.Text.Json;
using System.Text.Json.Serialization;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Running;

/// <summary>
/// <c>run-summary.json</c>: <c>{ "device", "seconds", "passed", "failed", "notebooks": [ { "path", "status",
/// "seconds", "cells", "error": null | { "cell", "line", "message" }, "charts": [paths] } ] }</c>.
/// </summary>
internal sealed class RunSummary
{
    /// <summary>The device the notebooks used (<c>cpu</c> when none reported one).</summary>
    public required string Device { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public required double Seconds { get; init; }

    /// <summary>Notebooks that passed.</summary>
    public required int Passed { get; init; }

    /// <summary>Notebooks that failed or timed out.</summary>
    public required int Failed { get; init; }

    /// <summary>One entry per notebook, in run order.</summary>
    public required List<NotebookSummary> Notebooks { get; init; }

    /// <summary>The summary of <paramref name="results"/>, which took <paramref name="elapsed"/>.</summary>
    public static RunSummary From(IReadOnlyList<NotebookRunResult> results, TimeSpan elapsed) => new()
    {
        Device = results.Select(r => r.Device).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? "cpu",
        Seconds = Math.Round(elapsed.TotalSeconds, 2),
        Passed = results.Count(r => r.Passed),
        Failed = results.Count(r => !r.Passed),
        Notebooks = [.. results.Select(r => new NotebookSummary
        {
            Path = r.Target.DisplayPath,
            Status = r.Status,
            Seconds = Math.Round(r.Seconds, 2),
            Cells = r.CellCount,
            Error = r.Error,
            Charts = r.Charts,
        })],
    };

    /// <summary>The JSON text (indented, camelCase, status in lower case).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ResultJson.Indented) + "\n";
}

/// <summary>One notebook in <see cref="RunSummary"/>.</summary>
internal sealed class NotebookSummary
{
    /// <summary>The notebook's path as given (relative to the working directory).</summary>
    public required string Path { get; init; }

    /// <summary>passed, failed or timeout.</summary>
    public required NotebookStatus Status { get; init; }

    /// <summary>Wall time, process start-up included.</summary>
    public required double Seconds { get; init; }

    /// <summary>Number of cells in the file (every kind).</summary>
    public required int Cells { get; init; }

    /// <summary>Where and why it failed; written as null when it passed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public NotebookError? Error { get; init; }

    /// <summary>Chart files it saved, relative to the output directory.</summary>
    public required List<string> Charts { get; init; }
}

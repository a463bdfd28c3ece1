using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Running;

/// <summary>Everything a notebook run produced.</summary>
internal sealed class NotebookRunResult
{
    /// <summary>The notebook.</summary>
    public required NotebookTarget Target { get; init; }

    /// <summary>The parsed notebook; null when it could not be parsed.</summary>
    public NotebookDocument? Document { get; init; }

    /// <summary>How the run ended.</summary>
    public required NotebookStatus Status { get; init; }

    /// <summary>Why it failed or timed out; null when it passed.</summary>
    public NotebookError? Error { get; init; }

    /// <summary>Wall time of the whole notebook, kernel start-up included.</summary>
    public double Seconds { get; set; }

    /// <summary>The code cells that ran, in order (the failing one last).</summary>
    public List<CellExecution> Executions { get; init; } = [];

    /// <summary>The device the notebook reported, if any.</summary>
    public string? Device { get; init; }

    /// <summary>Chart files the notebook saved, relative to the output directory, with '/'.</summary>
    public List<string> Charts { get; set; } = [];

    /// <summary>Number of cells in the file (every kind).</summary>
    public int CellCount => Document?.Cells.Count ?? 0;

    /// <summary>True when the notebook passed.</summary>
    public bool Passed => Status == NotebookStatus.Passed;
}

namespace AiLab.Notebooks.Results;

/// <summary>What running one code cell in the kernel produced.</summary>
internal sealed class CellExecution
{
    /// <summary>The notebook file (diagnostics name it).</summary>
    public string NotebookPath { get; init; } = "";

    /// <summary>1-based cell number in the file.</summary>
    public required int Cell { get; init; }

    /// <summary>1-based position among the cells that ran (Jupyter's execution count).</summary>
    public required int ExecutionCount { get; init; }

    /// <summary>Wall time from submitting the cell to its end, as the runner saw it.</summary>
    public double Seconds { get; set; }

    /// <summary>When the cell started (UTC).</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>The outputs in the order they appeared.</summary>
    public List<CellOutput> Outputs { get; init; } = [];

    /// <summary>The failure that stopped the notebook in this cell, if any.</summary>
    public NotebookError? Error { get; set; }
}

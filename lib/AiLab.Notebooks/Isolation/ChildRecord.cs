using AiLab.Notebooks.Execution;
using AiLab.Notebooks.Results;

namespace AiLab.Notebooks.Isolation;

/// <summary>One line of the report file the notebook process writes: a finished cell, a display update, or the end.</summary>
internal sealed class ChildRecord
{
    /// <summary>Record type of a finished cell.</summary>
    public const string CellType = "cell";

    /// <summary>Record type of an update to a display of an earlier cell.</summary>
    public const string UpdateType = "update";

    /// <summary>Record type of the last record: the notebook's outcome.</summary>
    public const string DoneType = "done";

    /// <summary><see cref="CellType"/>, <see cref="UpdateType"/> or <see cref="DoneType"/>.</summary>
    public required string Type { get; init; }

    /// <summary>For cells: what the cell produced.</summary>
    public CellExecution? Execution { get; init; }

    /// <summary>For updates: the display and its new content.</summary>
    public DisplayUpdate? Update { get; init; }

    /// <summary>For done: passed or failed.</summary>
    public NotebookStatus? Status { get; init; }

    /// <summary>For done: why the notebook failed.</summary>
    public NotebookError? Error { get; init; }

    /// <summary>For done: the device the notebook's library reported (<c>Lab.Device</c>), if it was loaded.</summary>
    public string? Device { get; init; }
}

namespace AiLab.Notebooks.Results;

/// <summary>How a notebook run ended.</summary>
internal enum NotebookStatus
{
    /// <summary>Every cell ran without error.</summary>
    Passed,

    /// <summary>A cell failed (compile error, exception, unsupported content) or the process crashed.</summary>
    Failed,

    /// <summary>A cell ran longer than the per-cell timeout and the process was stopped.</summary>
    Timeout,
}

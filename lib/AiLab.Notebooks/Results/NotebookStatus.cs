namespace AiLab.Notebooks.Results;

/// <summary>How a notebook run ended.</summary>
internal enum NotebookStatus
{
    /// <summary>Every cell ran without error.</summary>
    Passed,

    /// <summary>A cell failed (compile error, exception, missing package) or the kernel crashed.</summary>
    Failed,

    /// <summary>A cell ran longer than the per-cell timeout; it was cancelled and the kernel killed.</summary>
    Timeout,
}

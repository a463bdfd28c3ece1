namespace AiLab.Notebooks.Kernel;

/// <summary>How a submitted cell ended.</summary>
internal enum SubmissionEnd
{
    /// <summary>The kernel reported <c>CommandSucceeded</c>.</summary>
    Succeeded,

    /// <summary>The kernel reported <c>CommandFailed</c> (compile error, exception, missing package…).</summary>
    Failed,

    /// <summary>The cell ran past its timeout.</summary>
    TimedOut,

    /// <summary>The kernel process ended (crashed) before the cell finished.</summary>
    KernelExited,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}

/// <summary>The end of a submission and, for <see cref="SubmissionEnd.Failed"/>, the kernel's message.</summary>
internal sealed record SubmissionOutcome(SubmissionEnd End, string? Message = null);

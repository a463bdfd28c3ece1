namespace AiLab.Notebooks.Cli;

/// <summary>The process exit codes of <c>ailab</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed.</summary>
    public const int Success = 0;

    /// <summary>A notebook failed (run), has errors (check) or could not be exported.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments: a missing path, an invalid option value.</summary>
    public const int Usage = 2;
}

namespace AiLab.Notebooks.Documents;

/// <summary>The JSON block that follows <c>#!meta</c>.</summary>
/// <param name="Json">The block's text as written, without its leading and trailing empty lines.</param>
/// <param name="Line">1-based line of the <c>#!meta</c> line.</param>
/// <param name="DefaultKernelName">The declared <c>kernelInfo.defaultKernelName</c>, if any.</param>
/// <param name="DeclaredKernels">The kernels listed in <c>kernelInfo.items</c>.</param>
/// <param name="ReachesEndOfFile">
/// True when no <c>#!</c> line closes the block. Polyglot Notebooks then also reads the block's last line as
/// cell content (a quirk this parser reproduces and <c>ailab check</c> reports).
/// </param>
internal sealed record NotebookMetadata(
    string Json,
    int Line,
    string? DefaultKernelName,
    IReadOnlyList<KernelInfo> DeclaredKernels,
    bool ReachesEndOfFile);

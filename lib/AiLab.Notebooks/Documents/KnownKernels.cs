using Microsoft.DotNet.Interactive.Documents;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// The kernels a notebook may name without declaring them. Measured from the <c>KernelReady</c> event of
/// <c>dotnet-interactive stdio</c> 1.0.712001 (csharp, fsharp, pwsh, html, value, mermaid, http), plus the two
/// names VS Code itself supplies: <c>javascript</c> (run by the editor, not the kernel) and <c>markdown</c>.
/// </summary>
internal static class KnownKernels
{
    /// <summary>The kernel cells run in when nothing says otherwise.</summary>
    public const string CSharp = "csharp";

    /// <summary>Markdown cells: rendered, never submitted.</summary>
    public const string Markdown = "markdown";

    /// <summary>The kernels of the official stdio kernel process, which the runner can execute.</summary>
    public static readonly IReadOnlyList<string> Executable = [CSharp, "fsharp", "pwsh", "html", "value", "mermaid", "http"];

    /// <summary>A fresh collection (the parsers add a notebook's declared kernels to it).</summary>
    public static KernelInfoCollection Create() =>
    [
        new KernelInfo(CSharp, "C#", ["c#", "C#"]),
        new KernelInfo("fsharp", "F#", ["f#", "F#"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]),
        new KernelInfo("html", "HTML"),
        new KernelInfo("value"),
        new KernelInfo("mermaid", "Mermaid"),
        new KernelInfo("http", "HTTP"),
        new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo(Markdown, "Markdown", ["md"]),
    ];
}

namespace AiLab.Notebooks.Documents;

/// <summary>A directive line found in a C# cell.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Line">1-based line in the .dib file.</param>
/// <param name="Text">The line as written.</param>
/// <param name="Reason">For anything but <see cref="DirectiveKind.Time"/>: why it cannot run, for messages.</param>
internal sealed record CellDirective(DirectiveKind Kind, int Line, string Text, string? Reason)
{
    /// <summary>True when the runner can execute a cell containing this directive.</summary>
    public bool IsSupported => Kind == DirectiveKind.Time;
}

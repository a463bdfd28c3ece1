namespace AiLab.Notebooks.Documents;

/// <summary>Directive lines a C# cell can hold besides C#.</summary>
internal enum DirectiveKind
{
    /// <summary><c>#!time</c>: supported, prints the cell's wall time.</summary>
    Time,

    /// <summary>A known Polyglot magic command the runner does not support (<c>#!set</c>, <c>#!share</c>, …).</summary>
    UnsupportedMagic,

    /// <summary>A <c>#!</c> line that is neither a selector nor a known magic command (a misspelt selector).</summary>
    UnknownMagic,

    /// <summary><c>#r "nuget:…"</c>: needs the package manager of .NET Interactive.</summary>
    NuGetReference,

    /// <summary><c>#i "…"</c>: adds a package source, same reason.</summary>
    PackageSource,
}

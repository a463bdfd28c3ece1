namespace AiLab.Notebooks.Export;

/// <summary>The pieces of an exported program, collected cell by cell and put in program order at the end.</summary>
internal sealed class ProgramParts
{
    /// <summary><c>#:package X@v</c> lines.</summary>
    public List<string> Packages { get; } = [];

    /// <summary><c>#:project path</c> lines.</summary>
    public List<string> Projects { get; } = [];

    /// <summary><c>using …;</c> directives.</summary>
    public List<string> Usings { get; } = [];

    /// <summary>Top-level statements (and markdown comments), in notebook order.</summary>
    public List<string> Statements { get; } = [];

    /// <summary>Type declarations, which must follow the top-level statements.</summary>
    public List<string> Types { get; } = [];
}

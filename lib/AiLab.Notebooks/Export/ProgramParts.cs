namespace AiLab.Notebooks.Export;

/// <summary>The pieces of a file-based program gathered from the cells, in order.</summary>
internal sealed class ProgramParts
{
    /// <summary><c>using</c> directives, deduplicated, in first-seen order.</summary>
    public List<string> Usings { get; } = [];

    /// <summary>Top-level statements and local functions (with cell comments and markdown as comments).</summary>
    public List<string> Statements { get; } = [];

    /// <summary>Type declarations, which a program must place after its top-level statements.</summary>
    public List<string> Types { get; } = [];

    /// <summary><c>#:project</c> directives for the DLLs the cells reference.</summary>
    public List<string> Projects { get; } = [];

    /// <summary>Adds a using directive unless an identical one is already there.</summary>
    public void AddUsing(string directive)
    {
        if (!Usings.Contains(directive))
        {
            Usings.Add(directive);
        }
    }
}

namespace AiLab.Notebooks.Documents;

/// <summary>A kernel that a <c>#!name</c> line can select: its canonical name and its aliases.</summary>
/// <param name="Name">The canonical name, written back by the writer (<c>csharp</c>).</param>
/// <param name="Aliases">Other spellings that select the same kernel (<c>c#</c>, <c>C#</c>).</param>
internal sealed record KernelInfo(string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>The C# kernel, the only one the runner executes.</summary>
    public const string CSharp = "csharp";

    /// <summary>Markdown cells: not a kernel, but a valid cell selector.</summary>
    public const string Markdown = "markdown";
}

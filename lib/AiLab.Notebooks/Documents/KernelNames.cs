namespace AiLab.Notebooks.Documents;

/// <summary>
/// The set of names and aliases that start a new cell. Matching is exact (ordinal, case-sensitive,
/// untrimmed), as in Polyglot Notebooks: <c>#!csharp</c> splits, <c>#!CSharp</c> and <c>#!csharp </c> do not.
/// </summary>
internal sealed class KernelNames
{
    /// <summary>The kernels a Polyglot Notebooks session knows without any <c>#!meta</c> declaration.</summary>
    public static readonly IReadOnlyList<KernelInfo> BuiltIn =
    [
        new(KernelInfo.CSharp, ["c#", "cs", "C#"]),
        new("fsharp", ["f#", "fs", "F#"]),
        new(KernelInfo.Markdown, ["md"]),
        new("html", []),
        new("http", []),
        new("javascript", ["js"]),
        new("mermaid", []),
        new("pwsh", ["powershell"]),
        new("value", []),
    ];

    private readonly Dictionary<string, string> _nameByAlias = new(StringComparer.Ordinal);
    private readonly List<KernelInfo> _kernels = [];

    private KernelNames()
    {
    }

    /// <summary>The known kernels, built-in ones first, then those declared in <c>#!meta</c>.</summary>
    public IReadOnlyList<KernelInfo> Kernels => _kernels;

    /// <summary>The built-in kernels only.</summary>
    public static KernelNames Default() => WithDeclared([]);

    /// <summary>
    /// The built-in kernels plus those a <c>#!meta</c> block declares. Like Polyglot Notebooks, a declared
    /// kernel whose name is already known is ignored (it cannot add or remove aliases of a known kernel).
    /// </summary>
    /// <exception cref="ArgumentException">A declared alias already selects another kernel.</exception>
    public static KernelNames WithDeclared(IEnumerable<KernelInfo> declared)
    {
        var names = new KernelNames();
        foreach (var kernel in BuiltIn.Concat(declared))
        {
            if (names._kernels.Any(k => k.Name == kernel.Name))
            {
                continue;
            }
            foreach (var alias in kernel.Aliases.Prepend(kernel.Name))
            {
                if (!names._nameByAlias.TryAdd(alias, kernel.Name))
                {
                    throw new ArgumentException(
                        $"kernel '{kernel.Name}' declares the name or alias '{alias}', which already selects kernel '{names._nameByAlias[alias]}'");
                }
            }
            names._kernels.Add(kernel);
        }
        return names;
    }

    /// <summary>Resolves the text after <c>#!</c> to a kernel name; false for magic commands and unknown text.</summary>
    public bool TryResolve(string selector, out string kernelName) =>
        _nameByAlias.TryGetValue(selector, out kernelName!);

    /// <summary>True when <paramref name="line"/> (a whole line) would start a new cell.</summary>
    public bool IsSelectorLine(string line) =>
        line.StartsWith(DibSyntax.DirectivePrefix, StringComparison.Ordinal) &&
        _nameByAlias.ContainsKey(line[DibSyntax.DirectivePrefix.Length..]);
}

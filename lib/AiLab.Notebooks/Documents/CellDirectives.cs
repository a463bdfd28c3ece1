using System.Text.RegularExpressions;

namespace AiLab.Notebooks.Documents;

/// <summary>Finds the directive lines of a C# cell: magic commands (<c>#!…</c>) and package directives.</summary>
internal static partial class CellDirectives
{
    /// <summary>The magic command this runner supports.</summary>
    public const string Time = "time";

    // Polyglot Notebooks' magic commands (dotnet/interactive); all but #!time need its kernel infrastructure.
    private static readonly HashSet<string> KnownMagic = new(StringComparer.Ordinal)
    {
        "about", "connect", "import", "log", "lsmagic", "set", "share", "value", "who", "whos", "meta",
    };

    /// <summary>The directive lines of <paramref name="cell"/>, in order.</summary>
    public static IReadOnlyList<CellDirective> Scan(NotebookCell cell, KernelNames kernels)
    {
        var found = new List<CellDirective>();
        var lines = cell.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Classify(lines[i], kernels) is { } directive)
            {
                found.Add(directive with { Line = cell.StartLine + i });
            }
        }
        return found;
    }

    private static CellDirective? Classify(string line, KernelNames kernels)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith(DibSyntax.DirectivePrefix, StringComparison.Ordinal))
        {
            var command = trimmed[DibSyntax.DirectivePrefix.Length..];
            var name = command.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (name == Time)
            {
                return new CellDirective(DirectiveKind.Time, 0, line, null);
            }
            if (KnownMagic.Contains(name))
            {
                return new CellDirective(DirectiveKind.UnsupportedMagic, 0, line,
                    $"'#!{name}' is a Polyglot Notebooks magic command that the headless runner does not support (only #!time is)");
            }
            return new CellDirective(DirectiveKind.UnknownMagic, 0, line, UnknownReason(line, name, kernels));
        }
        if (NuGetReference().IsMatch(line))
        {
            return new CellDirective(DirectiveKind.NuGetReference, 0, line,
                "NuGet references (#r \"nuget:…\") are not supported: reference a built DLL with #r \"relative/path.dll\"");
        }
        if (PackageSource().IsMatch(line))
        {
            return new CellDirective(DirectiveKind.PackageSource, 0, line,
                "package sources (#i) are not supported: reference a built DLL with #r \"relative/path.dll\"");
        }
        return null;
    }

    private static string UnknownReason(string line, string name, KernelNames kernels)
    {
        var known = string.Join(", ", kernels.Kernels.SelectMany(k => k.Aliases.Prepend(k.Name)));
        if (kernels.IsSelectorLine(line.Trim()))
        {
            return $"'{line}' is not a cell selector because of its surrounding whitespace, so it stays inside the cell " +
                   "(and an editor that trims whitespace would turn it into one and split the cell)";
        }
        var lookalike = kernels.Kernels.SelectMany(k => k.Aliases.Prepend(k.Name))
            .FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return lookalike is not null
            ? $"'#!{name}' is not a cell selector (selectors are case-sensitive; did you mean '#!{lookalike}'?)"
            : $"'#!{name}' is neither a cell selector ({known}) nor a known magic command";
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#i\s""")]
    private static partial Regex PackageSource();
}

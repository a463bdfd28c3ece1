using System.Text.RegularExpressions;

namespace AiLab.Notebooks.Documents;

/// <summary>
/// A directive line of a code cell, as the kernel reads it: <c>#r "nuget: X, v"</c>, <c>#r "path"</c>,
/// <c>#load "file"</c>, <c>#i "source"</c>, or a magic command <c>#!name …</c>.
/// </summary>
/// <param name="Kind">What the line is.</param>
/// <param name="CellLine">0-based line in the cell.</param>
/// <param name="Text">The whole line.</param>
/// <param name="Argument">The quoted argument (path, package source) or the magic command's name.</param>
/// <param name="Package">For NuGet references: the package id.</param>
/// <param name="Version">For NuGet references: the version, or null when the line names none.</param>
internal sealed partial record CellDirective(DirectiveKind Kind, int CellLine, string Text, string Argument, string? Package = null, string? Version = null)
{
    /// <summary>The directive lines of <paramref name="cell"/>.</summary>
    public static IEnumerable<CellDirective> Scan(NotebookCell cell)
    {
        var lines = cell.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                var version = nuget.Groups["version"].Value.Trim();
                yield return new CellDirective(DirectiveKind.NuGet, i, lines[i], nuget.Groups["package"].Value.Trim(), nuget.Groups["package"].Value.Trim(), version.Length > 0 ? version : null);
            }
            else if (QuotedDirective().Match(line) is { Success: true } quoted)
            {
                var kind = quoted.Groups["name"].Value switch { "#r" => DirectiveKind.Reference, "#load" => DirectiveKind.Load, _ => DirectiveKind.PackageSource };
                yield return new CellDirective(kind, i, lines[i], quoted.Groups["argument"].Value);
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                yield return new CellDirective(DirectiveKind.Magic, i, lines[i], line[2..].Split(' ', 2)[0]);
            }
        }
    }

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<package>[^,""]+)(,(?<version>[^""]*))?""\s*$")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"^(?<name>#r|#load|#i)\s+""(?<argument>[^""]*)""\s*$")]
    private static partial Regex QuotedDirective();
}

/// <summary>The kinds of <see cref="CellDirective"/>.</summary>
internal enum DirectiveKind
{
    /// <summary><c>#r "nuget: X, v"</c>.</summary>
    NuGet,

    /// <summary><c>#r "path/to.dll"</c> or a framework assembly name.</summary>
    Reference,

    /// <summary><c>#load "file.csx"</c>.</summary>
    Load,

    /// <summary><c>#i "nuget: source"</c>: a package source.</summary>
    PackageSource,

    /// <summary><c>#!time</c>, <c>#!set</c>, <c>#!who</c>, …</summary>
    Magic,
}

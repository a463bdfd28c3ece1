using System.Text.RegularExpressions;

namespace AiLab.Notebooks.Export;

/// <summary>
/// Turns a cell's <c>#r "…/artifacts/bin/&lt;Project&gt;/&lt;config&gt;/X.dll"</c> into the <c>#:project</c> directive
/// of the project that builds it: file-based apps reference projects and packages, not DLLs.
/// </summary>
internal static partial class ProjectReferences
{
    private static readonly string[] SkippedFolders = ["artifacts", "node_modules", ".git", "bin", "obj"];

    /// <summary>
    /// The <c>#:project</c> line for <paramref name="reference"/> (as written in a file at <paramref name="referencingFile"/>),
    /// relative to <paramref name="outputDirectory"/>; null for a framework assembly name (always available).
    /// </summary>
    /// <exception cref="ArgumentException">The DLL is not built by a project of the repository.</exception>
    public static string? ToDirective(string reference, string referencingFile, string outputDirectory)
    {
        if (!reference.Contains('/') && !reference.Contains('\\') && !reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var dll = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(referencingFile)!, reference));
        var match = BuildOutput().Match(dll);
        if (!match.Success)
        {
            throw new ArgumentException($"#r \"{reference}\" is not the build output of a project (…/artifacts/bin/<Project>/…), and a file-based app can only reference projects and packages");
        }
        var root = match.Groups["root"].Value;
        var projectName = match.Groups["project"].Value;
        var project = FindProject(root, projectName + ".csproj")
            ?? throw new ArgumentException($"#r \"{reference}\": no {projectName}.csproj found under {root}");
        return "#:project " + Path.GetRelativePath(outputDirectory, project).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string? FindProject(string directory, string fileName)
    {
        var here = Path.Combine(directory, fileName);
        if (File.Exists(here))
        {
            return here;
        }
        foreach (var child in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)) && FindProject(child, fileName) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(?<root>.*)[/\\]artifacts[/\\]bin[/\\](?<project>[^/\\]+)[/\\]")]
    private static partial Regex BuildOutput();
}

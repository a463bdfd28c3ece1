namespace AiLab;

/// <summary>Finds the AiLab repository (the folder holding <c>AiLab.slnx</c>): notebooks run with their own
/// folder as working directory and tests from the build output, both inside the repository.</summary>
internal static class RepositoryRoot
{
    internal const string SolutionFile = "AiLab.slnx";

    /// <summary>Where the search starts: the current folder, then the folder the library was loaded from.</summary>
    internal static string[] SearchStarts => [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];

    /// <summary>The repository root above the current folder or the library's folder, or null.</summary>
    internal static string? Find()
    {
        foreach (var start in SearchStarts)
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                    return folder.FullName;
        return null;
    }
}

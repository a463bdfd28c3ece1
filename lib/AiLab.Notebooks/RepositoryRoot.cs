namespace AiLab.Notebooks;

/// <summary>Finds the repository root: the nearest folder upwards holding <c>AiLab.slnx</c>.</summary>
internal static class RepositoryRoot
{
    /// <summary>The marker file.</summary>
    public const string Marker = "AiLab.slnx";

    /// <summary>The root above <paramref name="start"/> (default: the working directory), or null outside the repository.</summary>
    public static string? Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}

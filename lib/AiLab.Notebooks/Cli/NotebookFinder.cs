using AiLab.Notebooks.Documents;
using AiLab.Notebooks.Running;

namespace AiLab.Notebooks.Cli;

/// <summary>Turns the paths of a command line into the notebooks to process.</summary>
internal static class NotebookFinder
{
    /// <summary>
    /// The .dib and .ipynb files named by <paramref name="paths"/> (files, or folders whose top-level notebooks count), in
    /// order without duplicates; with no path, the repository's <c>notebooks</c> folder. Then the ones whose file
    /// name contains <paramref name="filter"/> (case-insensitive), then those of <paramref name="shard"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A path does not exist or is not a notebook.</exception>
    public static IReadOnlyList<NotebookTarget> Find(IReadOnlyList<string> paths, string? filter = null, Shard? shard = null)
    {
        if (paths.Count == 0)
        {
            var root = RepositoryRoot.Find();
            paths = [root is null ? "." : Path.Combine(root, "notebooks")];
        }
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.TopDirectoryOnly).Where(NotebookReader.IsNotebook).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                if (!NotebookReader.IsNotebook(path))
                {
                    throw new ArgumentException($"'{path}' is not a notebook (.dib or .ipynb)", nameof(paths));
                }
                files.Add(path);
            }
            else
            {
                throw new ArgumentException($"'{path}' does not exist", nameof(paths));
            }
        }
        return files
            .Select(NotebookTarget.For)
            .DistinctBy(t => t.FullPath)
            .Where(t => string.IsNullOrEmpty(filter) || Path.GetFileName(t.FullPath).Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Where((_, position) => shard is not { } s || s.Contains(position))
            .ToList();
    }
}

namespace AiLab.Notebooks.Output;

/// <summary>
/// plotly.js for the static pages: copied from the npm package into the output folder, so chart outputs (which use
/// <c>window.Plotly</c> when a page provides it) work offline.
/// </summary>
internal static class PlotlyAsset
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "plotly.min.js";

    private static readonly string PackageFile = Path.Combine("node_modules", "plotly.js-dist-min", FileName);

    /// <summary>The npm package's plotly.min.js, found by walking up from each of <paramref name="startDirectories"/>; null when absent.</summary>
    public static string? Find(IEnumerable<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, PackageFile);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Copies plotly.js into <paramref name="outDir"/> (if missing or different); false when the package is not installed.</summary>
    public static bool Publish(string outDir, IEnumerable<string> startDirectories)
    {
        if (Find(startDirectories) is not { } source)
        {
            return false;
        }
        AtomicFile.CopyIfDifferent(source, Path.Combine(outDir, FileName));
        return true;
    }
}

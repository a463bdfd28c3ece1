namespace AiLab.Notebooks.Running;

/// <summary>A notebook to run.</summary>
/// <param name="FullPath">Absolute path of the .dib or .ipynb file.</param>
/// <param name="DisplayPath">The path shown and recorded in run-summary.json (relative to the working directory, with '/').</param>
internal sealed record NotebookTarget(string FullPath, string DisplayPath)
{
    /// <summary>The file name without extension (<c>01-evaluation-metrics</c>): names its charts and pages.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(FullPath);

    /// <summary>A target for <paramref name="path"/>, displayed relative to the current directory.</summary>
    public static NotebookTarget For(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return new NotebookTarget(full, relative.Replace(Path.DirectorySeparatorChar, '/'));
    }
}

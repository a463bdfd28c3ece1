using AiLab.Notebooks.Output;

namespace AiLab.Notebooks.Running;

/// <summary>
/// The files a run leaves under the output folder: <c>notebooks/&lt;stem&gt;.ipynb</c> and <c>.html</c> per notebook,
/// <c>run-summary.json</c>, <c>index.html</c>, <c>plotly.min.js</c>; charts are under <c>charts/&lt;stem&gt;/</c>.
/// </summary>
internal static class RunArtifacts
{
    /// <summary>The summary file name.</summary>
    public const string SummaryFile = "run-summary.json";

    /// <summary>The index page file name.</summary>
    public const string IndexFile = "index.html";

    /// <summary>Writes the executed notebook and its page.</summary>
    public static void WriteNotebook(NotebookRunResult result, RunSettings settings)
    {
        var directory = settings.NotebooksDir;
        if (result.Document is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, result.Target.Stem + ".ipynb"), IpynbWriter.Write(result.Document, result.Executions));
        }
        var plotly = File.Exists(Path.Combine(settings.OutDir, PlotlyAsset.FileName)) ? "../" + PlotlyAsset.FileName : null;
        AtomicFile.WriteAllText(Path.Combine(directory, result.Target.Stem + ".html"), NotebookPageWriter.Write(result, plotly));
    }

    /// <summary>Writes run-summary.json and index.html.</summary>
    public static void WriteSummary(RunSummary summary, IReadOnlyList<NotebookRunResult> results, RunSettings settings)
    {
        AtomicFile.WriteAllText(Path.Combine(settings.OutDir, SummaryFile), summary.ToJson());
        AtomicFile.WriteAllText(Path.Combine(settings.OutDir, IndexFile), IndexPageWriter.Write(summary, results));
    }

    /// <summary>Empties a notebook's chart folder before it runs, so the listing afterwards holds only this run's charts.</summary>
    public static void ClearCharts(NotebookTarget target, RunSettings settings)
    {
        var directory = settings.ChartsDir(target);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The .html and .png files in a notebook's chart folder, relative to the output folder, sorted.</summary>
    public static List<string> ListCharts(NotebookTarget target, RunSettings settings)
    {
        var directory = settings.ChartsDir(target);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).StartsWith('.')) // temporary files of an atomic write
            .Select(f => Path.GetRelativePath(settings.OutDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

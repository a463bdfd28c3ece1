namespace AiLab.Notebooks.Running;

/// <summary>How <c>ailab run</c> runs notebooks.</summary>
/// <param name="OutDir">Absolute directory for every artifact (executed notebooks, pages, charts, summary).</param>
/// <param name="CellTimeout">The longest a cell may run before it is cancelled and its kernel killed.</param>
/// <param name="Jobs">How many notebooks (kernel processes) run at once.</param>
/// <param name="Png">Ask the chart library to also save PNG files (<c>AILAB_PNG=1</c>).</param>
internal sealed record RunSettings(string OutDir, TimeSpan CellTimeout, int Jobs, bool Png)
{
    /// <summary>The default per-cell timeout.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Where charts of a notebook go: <c>OutDir/charts/&lt;stem&gt;</c>.</summary>
    public string ChartsDir(NotebookTarget target) => Path.Combine(OutDir, "charts", target.Stem);

    /// <summary>Where executed notebooks and their pages go: <c>OutDir/notebooks</c>.</summary>
    public string NotebooksDir => Path.Combine(OutDir, "notebooks");
}

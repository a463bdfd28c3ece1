namespace AiLab.Notebooks.Running;

/// <summary>Receives progress of a run (the CLI shows it; tests ignore it). Called from several threads when jobs &gt; 1.</summary>
internal interface IRunObserver
{
    /// <summary>A notebook's kernel is about to start; <paramref name="codeCells"/> code cells will run.</summary>
    void NotebookStarted(NotebookTarget target, int codeCells);

    /// <summary>The notebook started cell <paramref name="cell"/> (1-based, every cell counted).</summary>
    void CellStarted(NotebookTarget target, int cell);

    /// <summary>The notebook finished; its artifacts are written.</summary>
    void NotebookFinished(NotebookRunResult result);
}

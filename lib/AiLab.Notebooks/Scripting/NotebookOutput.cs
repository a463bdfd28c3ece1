namespace AiLab.Notebooks.Scripting;

/// <summary>The output sink of the notebook running in this process, if any.</summary>
internal static class NotebookOutput
{
    private static volatile IOutputSink? _current;

    /// <summary>The installed sink; null outside a notebook run (display then prints text to the console).</summary>
    public static IOutputSink? Current
    {
        get => _current;
        set => _current = value;
    }
}

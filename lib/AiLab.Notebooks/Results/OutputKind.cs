namespace AiLab.Notebooks.Results;

/// <summary>The kinds of cell output, as in Jupyter's nbformat.</summary>
internal enum OutputKind
{
    /// <summary>Console text (stdout or stderr).</summary>
    Stream,

    /// <summary>A <c>display(x)</c> output.</summary>
    Display,

    /// <summary>The value of the cell's trailing expression.</summary>
    Result,

    /// <summary>The compile error or exception that stopped the notebook.</summary>
    Error,
}

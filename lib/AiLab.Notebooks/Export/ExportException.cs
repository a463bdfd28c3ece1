namespace AiLab.Notebooks.Export;

/// <summary>A notebook that cannot be exported as a program, with the place that prevents it.</summary>
internal sealed class ExportException(int cell, int line, string reason)
    : Exception($"cell {cell}, line {line}: {reason}")
{
    /// <summary>1-based cell number.</summary>
    public int Cell { get; } = cell;

    /// <summary>1-based line in the notebook file.</summary>
    public int Line { get; } = line;
}

namespace AiLab.Notebooks.Scripting;

/// <summary>Where a running notebook's outputs go (the runner installs one per notebook).</summary>
internal interface IOutputSink
{
    /// <summary>Adds a display output to the current cell.</summary>
    void Display(string displayId, IReadOnlyDictionary<string, string> bundle);

    /// <summary>Replaces the content of an earlier display output, wherever its cell is.</summary>
    void Update(string displayId, IReadOnlyDictionary<string, string> bundle);
}

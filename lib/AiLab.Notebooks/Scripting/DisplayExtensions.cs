namespace AiLab.Notebooks.Scripting;

/// <summary>The <c>x.Display()</c> form of <see cref="NotebookHelpers.display"/>.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows the value as an output of the running cell; see <see cref="NotebookHelpers.display"/>.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        NotebookHelpers.display(value, mimeTypes);
}

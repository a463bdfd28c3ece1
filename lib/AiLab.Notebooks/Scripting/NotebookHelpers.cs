namespace AiLab.Notebooks.Scripting;

/// <summary>
/// Functions every notebook cell can call unqualified, as in Polyglot Notebooks: <c>display(x)</c> and
/// <c>HTML("…")</c>. The runner imports this class with <c>using static</c>.
/// </summary>
public static class NotebookHelpers
{
    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell and returns a handle whose
    /// <see cref="DisplayedValue.Update"/> replaces it in place.
    /// </summary>
    /// <param name="value">What to show. A type with a public <c>IReadOnlyDictionary&lt;string, string&gt; ToDisplayBundle()</c>
    /// method chooses its own MIME representations; anything else shows as text.</param>
    /// <param name="mimeTypes">Restrict the output to these MIME types (a string value is shown as each of them).</param>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var displayed = new DisplayedValue(mimeTypes);
        displayed.Show(value);
        return displayed;
    }

    /// <summary>Marks <paramref name="content"/> as HTML, so displaying it renders it instead of showing the text.</summary>
    public static HtmlString HTML(string content) => new(content);
}

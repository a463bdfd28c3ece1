namespace AiLab.Notebooks.Scripting;

/// <summary>A string that displays as HTML (what <see cref="NotebookHelpers.HTML"/> returns).</summary>
public sealed class HtmlString
{
    /// <summary>Wraps HTML markup.</summary>
    public HtmlString(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The markup.</summary>
    public string Value { get; }

    /// <summary>The display representations: the markup as <c>text/html</c>.</summary>
    public IReadOnlyDictionary<string, string> ToDisplayBundle() =>
        new Dictionary<string, string> { [MimeTypes.Html] = Value };

    /// <inheritdoc />
    public override string ToString() => Value;
}

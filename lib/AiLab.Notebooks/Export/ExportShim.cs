namespace AiLab.Notebooks.Export;

/// <summary>The notebook helpers (<c>display</c>, <c>Display()</c>, <c>HTML</c>) for an exported program, which prints what a notebook shows.</summary>
internal static class ExportShim
{
    /// <summary>The using directive that makes the helpers callable unqualified, as in a notebook.</summary>
    public const string Using = "using static NotebookDisplay;";

    /// <summary>The helper types, appended after the notebook's own types.</summary>
    public const string Code = """
        /// <summary>Stand-ins for the notebook helpers: a program prints what a notebook displays.</summary>
        static class NotebookDisplay
        {
            public static DisplayedValue display(object value, params string[] mimeTypes)
            {
                Print(value);
                return new DisplayedValue();
            }

            public static DisplayedValue Display(this object value, params string[] mimeTypes) => display(value, mimeTypes);

            public static HtmlString HTML(string content) => new(content);

            // A cell's trailing expression: shown when it has a value, only run when it is void.
            public static void ShowValue(System.Action run) => run();

            public static void ShowValue<T>(System.Func<T> value) => Print(value());

            internal static void Print(object value) => System.Console.WriteLine(Text(value));

            // A library type may offer its own representations (ToDisplayBundle); a console shows the text one.
            static string Text(object value)
            {
                if (value is null) return "<null>";
                if (value is string text) return text;
                if (value.GetType().GetMethod("ToDisplayBundle", System.Type.EmptyTypes)?.Invoke(value, null) is System.Collections.Generic.IReadOnlyDictionary<string, string> bundle)
                {
                    return bundle.TryGetValue("text/plain", out var plain) ? plain : $"[{string.Join(", ", bundle.Keys)} output]";
                }
                if (value is System.Collections.IEnumerable items)
                {
                    return "[ " + string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Cast<object>(items), Text)) + " ]";
                }
                return System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
        }

        sealed class DisplayedValue
        {
            public void Update(object newValue) => NotebookDisplay.Print(newValue);
        }

        sealed class HtmlString(string value)
        {
            public override string ToString() => value;
        }
        """;
}

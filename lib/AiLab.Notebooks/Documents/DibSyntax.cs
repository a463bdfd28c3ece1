namespace AiLab.Notebooks.Documents;

/// <summary>The few literal pieces of the .dib format.</summary>
internal static class DibSyntax
{
    /// <summary>Starts every cell selector and magic command line.</summary>
    public const string DirectivePrefix = "#!";

    /// <summary>Starts the notebook's JSON metadata block (matched as a prefix, like Polyglot Notebooks does).</summary>
    public const string MetaPrefix = "#!meta";

    /// <summary>Splits text into lines the way Polyglot Notebooks does: on CRLF or LF (a lone CR stays in the line).</summary>
    public static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.Split(["\r\n", "\n"], StringSplitOptions.None);
}

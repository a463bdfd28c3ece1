using System.Globalization;
using System.Text.RegularExpressions;

namespace AiLab.Data;

/// <summary>
/// Splits text into tokens: <see cref="Words"/> (runs of letters and digits, optionally lower-cased,
/// punctuation dropped) or <see cref="Characters"/> (one token per character — per text element, so an
/// accented letter or a CJK character is one token).
/// </summary>
public sealed partial class Tokenizer
{
    private readonly Func<string, string[]> split;

    private Tokenizer(Func<string, string[]> split, string description)
    {
        this.split = split;
        Description = description;
    }

    /// <summary>What the tokenizer does, e.g. "words (lower-cased)".</summary>
    public string Description { get; }

    /// <summary>
    /// Word tokens: maximal runs of letters and digits, keeping an inner apostrophe ("don't");
    /// everything else separates tokens. Lower-cased (invariant culture) when <paramref name="lowercase"/>.
    /// </summary>
    public static Tokenizer Words(bool lowercase = true) => new(text =>
    {
        string source = lowercase ? text.ToLowerInvariant() : text;
        return [.. WordPattern().Matches(source).Select(match => match.Value)];
    }, lowercase ? "words (lower-cased)" : "words");

    /// <summary>Character tokens, one per text element; lower-cased when <paramref name="lowercase"/>.</summary>
    public static Tokenizer Characters(bool lowercase = false) => new(text =>
    {
        string source = lowercase ? text.ToLowerInvariant() : text;
        var tokens = new List<string>(source.Length);
        var elements = StringInfo.GetTextElementEnumerator(source);
        while (elements.MoveNext())
            tokens.Add(elements.GetTextElement());
        return [.. tokens];
    }, lowercase ? "characters (lower-cased)" : "characters");

    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return split(text);
    }

    /// <summary>The tokens of each text.</summary>
    public string[][] Tokenize(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. texts.Select(Tokenize)];
    }

    /// <inheritdoc/>
    public override string ToString() => $"Tokenizer: {Description}";

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+(?:['’][\p{L}\p{Mn}\p{Nd}]+)*")]
    private static partial Regex WordPattern();
}

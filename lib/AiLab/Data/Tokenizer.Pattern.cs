using System.Text.RegularExpressions;

namespace AiLab.Data;

public sealed partial class Tokenizer
{
    /// <summary>
    /// scikit-learn's default word tokens (<c>CountVectorizer</c>'s <c>token_pattern=r"(?u)\b\w\w+\b"</c> after
    /// <c>lowercase=True</c>): maximal runs of two or more word characters, where a word character is what Python's
    /// <c>\w</c> matches on text — a letter (\p{L}), a number (\p{N}: digits, but also "²" or "½") or "_". So
    /// single-character words ("a", "I", "2") are dropped, "don't" gives "don" (the "t" is one character),
    /// "a_b" and "x²" are one token each.
    /// <para>Differences from <see cref="Words"/>: that one keeps one-character tokens and inner apostrophes
    /// ("don't"), counts combining marks as part of a word and splits at "_". Differences from Python itself: .NET
    /// matches UTF-16 code units, so a letter outside the Basic Multilingual Plane (a surrogate pair, e.g. "𝐀") is not
    /// a word character here; lower-casing is .NET's invariant simple case mapping, which differs from Python's
    /// <c>str.lower()</c> only for a few characters ("İ").</para>
    /// </summary>
    /// <param name="lowercase">Lower-case the text first (scikit-learn's default).</param>
    public static Tokenizer ScikitLearn(bool lowercase = true) =>
        FromRegex(SklearnWordPattern(), lowercase, lowercase ? "scikit-learn words (lower-cased)" : "scikit-learn words");

    /// <summary>
    /// Tokens are the matches of the .NET regular expression <paramref name="pattern"/> (as scikit-learn's
    /// <c>token_pattern</c>, but in .NET's regex dialect; if the pattern has groups, the whole match is still the token).
    /// </summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <param name="lowercase">Lower-case the text (invariant culture) before matching.</param>
    public static Tokenizer Pattern(string pattern, bool lowercase = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{pattern}' is not a valid .NET regular expression: {e.Message}", nameof(pattern), e);
        }
        return FromRegex(regex, lowercase, lowercase ? $"pattern {pattern} (lower-cased)" : $"pattern {pattern}");
    }

    private static Tokenizer FromRegex(Regex regex, bool lowercase, string description) => new(text =>
    {
        string source = lowercase ? text.ToLowerInvariant() : text;
        return [.. regex.Matches(source).Select(match => match.Value)];
    }, description);

    // A maximal run of ≥ 2 Python word characters is exactly what \b\w\w+\b finds: a greedy match from a run's first
    // character takes the whole run, and a one-character run fails without the scan ever starting inside a run.
    [GeneratedRegex(@"[\p{L}\p{N}_]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SklearnWordPattern();
}

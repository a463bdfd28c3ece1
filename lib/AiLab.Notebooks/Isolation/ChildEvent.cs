using System.Globalization;

namespace AiLab.Notebooks.Isolation;

/// <summary>
/// A progress line the notebook process writes to its standard output, so the parent knows which cell runs (for
/// the per-cell timeout and the progress display) even if the process dies. Lines look like
/// <c>##ailab:start 3</c>; anything else on standard output is native code printing and is ignored.
/// </summary>
/// <param name="Kind">start, end, hint or done.</param>
/// <param name="Cell">The cell number (start, end, hint).</param>
/// <param name="Text">For hints: the text.</param>
internal sealed record ChildEvent(string Kind, int Cell, string? Text)
{
    /// <summary>The prefix that marks protocol lines.</summary>
    public const string Prefix = "##ailab:";

    /// <summary>A cell started (compiling counts as running).</summary>
    public const string Start = "start";

    /// <summary>A cell finished (its record is in the report file).</summary>
    public const string End = "end";

    /// <summary>A diagnosis the parent adds to a timeout message.</summary>
    public const string Hint = "hint";

    /// <summary>The report file is complete.</summary>
    public const string Done = "done";

    /// <summary>The protocol line for this event (without line breaks).</summary>
    public string Format() => $"{Prefix}{Kind} {Cell.ToString(CultureInfo.InvariantCulture)}{(Text is null ? "" : " " + Text.ReplaceLineEndings(" "))}";

    /// <summary>Parses a protocol line; null for any other line.</summary>
    public static ChildEvent? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = line[Prefix.Length..].Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cell))
        {
            return null;
        }
        return new ChildEvent(parts[0], cell, parts.Length == 3 ? parts[2] : null);
    }
}

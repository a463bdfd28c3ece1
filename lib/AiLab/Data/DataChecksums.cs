using System.Reflection;

namespace AiLab.Data;

/// <summary>
/// The expected SHA-256 of every data file: <c>data/SHA256SUMS</c>, compiled into this assembly
/// (see AiLab.csproj), so it is the one list of checksums that data/README.md also shows.
/// </summary>
internal static class DataChecksums
{
    private const string ResourceName = "AiLab.Data.SHA256SUMS";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Table = new(Load);

    /// <summary>File path relative to data/ → lowercase hex SHA-256.</summary>
    public static IReadOnlyDictionary<string, string> Expected => Table.Value;

    /// <summary>Parses the <c>sha256sum</c> format: "&lt;64 hex digits&gt;  &lt;relative path&gt;" per line.</summary>
    internal static Dictionary<string, string> Parse(TextReader reader)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            int separator = line.IndexOf("  ", StringComparison.Ordinal);
            if (separator != 64 || !line[..64].All(Uri.IsHexDigit))
                throw new FormatException($"SHA256SUMS line {lineNumber} is not '<sha256>  <path>': '{line}'");
            sums[line[(separator + 2)..]] = line[..64].ToLowerInvariant();
        }
        return sums;
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from AiLab.dll.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}

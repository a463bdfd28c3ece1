using System.Text.Json;

namespace AiLab.Data;

public static partial class Datasets
{
    /// <summary>
    /// A balanced subset of the SpamAssassin public corpus: 1500 e-mails, 750 ham (label 0) and 750 spam
    /// (label 1), without mail headers. Each text is the subject, a blank line, then the body (text/plain
    /// parts, or the visible text of HTML mail), cut at 10 000 characters. The subset rule is in data/README.md.
    /// </summary>
    public static TextDataset SpamAssassin(DataFolder? folder = null)
    {
        const string file = "stdlib/spam-assassin-subset.jsonl";
        string[] lines = Resolve(folder).ReadVerifiedText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var texts = new string[lines.Length];
        var labels = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                var record = document.RootElement;
                texts[i] = $"{record.GetProperty("subject").GetString()}\n\n{record.GetProperty("body").GetString()}";
                labels[i] = record.GetProperty("label").GetString() switch
                {
                    "ham" => 0,
                    "spam" => 1,
                    var other => throw new FormatException($"label '{other}' is neither 'ham' nor 'spam'"),
                };
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DataFileException(file, $"{file} line {i + 1} is not a valid record: {e.Message}", e);
            }
        }
        return new TextDataset("spam_assassin", texts, labels, ["ham", "spam"]);
    }

    /// <summary>4951 English female first names (Moby Word II), in the file's alphabetical order.</summary>
    public static string[] FemaleFirstNames(DataFolder? folder = null) => ReadLines(folder, "stdlib/female-first-names-en.txt");

    /// <summary>3898 English male first names (Moby Word II), in the file's alphabetical order.</summary>
    public static string[] MaleFirstNames(DataFolder? folder = null) => ReadLines(folder, "stdlib/male-first-names-en.txt");

    /// <summary>Female and male first names together, each name once, in ordinal order.</summary>
    public static string[] FirstNames(DataFolder? folder = null)
    {
        var data = Resolve(folder);
        return [.. FemaleFirstNames(data).Concat(MaleFirstNames(data)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string[] ReadLines(DataFolder? folder, string file) =>
        [.. Resolve(folder).ReadVerifiedText(file).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}

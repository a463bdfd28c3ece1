using System.Text.RegularExpressions;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

/// <summary>notebooks/README.md lists every notebook with the charts it saves, so the table stays current.</summary>
public sealed partial class NotebookReadmeTests
{
    [GeneratedRegex(@"Save\(""([^""]+)""\)")]
    private static partial Regex ChartSave();

    [GeneratedRegex(@"^\| (\d+) \| \[[^\]]+\]\(([^)]+\.dib)\) \|[^|]+\| ([^|]*) \| [\d.]+ s \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public void Readme_ListsEveryNotebookWithItsCharts()
    {
        var folder = TestPaths.Notebooks;
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        var rows = TableRow().Matches(readme).ToDictionary(m => m.Groups[2].Value, m => m.Groups[3].Value);
        var notebooks = Directory.GetFiles(folder, "*.dib").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(notebooks, rows.Keys.Order());
        foreach (var notebook in notebooks)
        {
            var saved = ChartSave().Matches(File.ReadAllText(Path.Combine(folder, notebook!))).Select(m => m.Groups[1].Value).ToHashSet();
            var listed = rows[notebook!].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Trim('`')).ToHashSet();
            Assert.True(saved.SetEquals(listed), $"{notebook}: README lists [{string.Join(", ", listed.Order())}], the notebook saves [{string.Join(", ", saved.Order())}]");
        }
    }
}

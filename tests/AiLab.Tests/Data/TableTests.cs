using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class TableTests
{
    private static Table Sample() => new(
        new NumericColumn("x", [1, double.NaN, 3, 4]),
        new TextColumn("kind", ["a", "b", null, "a"]),
        new DateColumn("day", [new DateTime(2024, 1, 1), null, new DateTime(2024, 1, 3), new DateTime(2024, 1, 4)]));

    [Fact]
    public void Constructor_DuplicateNames_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Table(new NumericColumn("x", [1]), new NumericColumn("x", [2])));

        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void Constructor_UnequalLengths_ThrowsNamingColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => new Table(new NumericColumn("x", [1, 2]), new TextColumn("y", ["a"])));

        Assert.Contains("'y' has 1 rows where 'x' has 2", error.Message);
    }

    [Fact]
    public void Indexer_UnknownColumn_ListsColumns()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Sample()["z"]);

        Assert.Contains("'x', 'kind', 'day'", error.Message);
    }

    [Fact]
    public void Numbers_OnTextColumn_ThrowsNamingKinds()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sample().Numbers("kind"));

        Assert.Contains("'kind' holds Text values", error.Message);
    }

    [Fact]
    public void MissingValues_AreNaNAndNullAndCounted()
    {
        var table = Sample();

        Assert.True(double.IsNaN(table.Numbers("x")[1]));
        Assert.Null(table.Strings("kind")[2]);
        Assert.Null(table.Dates("day")[1]);
        Assert.Equal([1, 1, 1], table.Columns.Select(column => column.MissingCount));
        Assert.Equal(new bool[,] { { false, false }, { true, false }, { false, true }, { false, false } }, table.MissingMask("x", "kind"));
    }

    [Fact]
    public void DropMissing_NamedColumns_KeepsRowsCompleteInThose()
    {
        var table = Sample();

        Assert.Equal([1.0, 3, 4], table.DropMissing("x").Numbers("x"));
        Assert.Equal(2, table.DropMissing().RowCount);
    }

    [Fact]
    public void RowAndColumnOperations_ReturnNewTables()
    {
        var table = Sample();

        Assert.Equal(["kind", "x"], table.Select("kind", "x").ColumnNames);
        Assert.Equal(["x", "day"], table.Drop("kind").ColumnNames);
        Assert.Equal([4.0, 1], table.TakeRows([3, 0]).Numbers("x"));
        Assert.Equal(2, table.Head(2).RowCount);
        Assert.Equal(["a", "a"], Shown(table.Where(i => table.Strings("kind")[i] == "a").Strings("kind")));
        Assert.Equal([9.0, 9, 9, 9], table.With(new NumericColumn("x", [9, 9, 9, 9])).Numbers("x"));
        Assert.Equal(4, table.With(new NumericColumn("y", [0, 0, 0, 0])).ColumnCount);
        Assert.Equal(3, table.ColumnCount);
    }

    [Fact]
    public void ToMatrix_NumericColumns_RowMajorWithNaN()
    {
        var table = new Table(new NumericColumn("a", [1, 2]), new TextColumn("t", ["p", "q"]), new NumericColumn("b", [3, double.NaN]));

        var matrix = table.ToMatrix();

        Assert.Equal(new double[,] { { 1, 3 }, { 2, double.NaN } }, matrix);
        Assert.Equal(new double[,] { { 3, 1 }, { double.NaN, 2 } }, table.ToMatrix("b", "a"));
    }

    [Fact]
    public void ParseCsv_InfersNumericDateAndTextWithEmptyAsMissing()
    {
        var table = Table.ParseCsv("when,value,label\r\n2020-01-31,1.5,\"a, quoted\"\r\n2020-02-29,,b\r\n,-2e3,\n");

        Assert.Equal([ColumnKind.Date, ColumnKind.Numeric, ColumnKind.Text], table.Columns.Select(column => column.Kind));
        Assert.Equal([new DateTime(2020, 1, 31), new DateTime(2020, 2, 29), null], table.Dates("when"));
        Assert.Equal([1.5, double.NaN, -2000], table.Numbers("value"));
        Assert.Equal(["a, quoted", "b", "(null)"], Shown(table.Strings("label")));
    }

    [Fact]
    public void ParseCsv_RaggedRow_ThrowsWithSourceAndLine()
    {
        var error = Assert.Throws<FormatException>(() => Table.ParseCsv("a,b\n1,2\n3\n", "demo.csv"));

        Assert.Contains("demo.csv line 3", error.Message);
    }

    [Fact]
    public void ParseJsonRecords_NullsAndAbsentKeysAreMissing()
    {
        var table = Table.ParseJsonRecords("""[{"n": 1, "s": "x"}, {"n": null, "extra": true}, {"s": null, "n": 2.5}]""");

        Assert.Equal(["n", "s", "extra"], table.ColumnNames);
        Assert.Equal([1, double.NaN, 2.5], table.Numbers("n"));
        Assert.Equal(["x", "(null)", "(null)"], Shown(table.Strings("s")));
        Assert.Equal(["(null)", "true", "(null)"], Shown(table.Strings("extra")));
    }

    [Fact]
    public void ParseJsonRecords_NestedValue_ThrowsNamingField()
    {
        var error = Assert.Throws<FormatException>(() => Table.ParseJsonRecords("""[{"a": [1]}]""", "demo.json"));

        Assert.Contains("demo.json: record 0 field 'a'", error.Message);
        var duplicate = Assert.Throws<FormatException>(() => Table.ParseJsonRecords("""[{"b": 1, "b": 2}]"""));
        Assert.Contains("'b' twice", duplicate.Message);
    }

    [Fact]
    public void Describe_Penguins_MatchesNumpyStatistics()
    {
        var stats = Datasets.Penguins().Describe();
        int mass = Array.IndexOf(stats.Strings("column"), "Body Mass (g)");
        int sex = Array.IndexOf(stats.Strings("column"), "Sex");

        // numpy on the 342 non-null body masses: mean, std(ddof=1), percentile([0, 25, 50, 75, 100]).
        Assert.Equal(342, stats.Numbers("count")[mass]);
        Assert.Equal(2, stats.Numbers("missing")[mass]);
        Assert.Equal(4201.754385964912, stats.Numbers("mean")[mass], 1e-9);
        Assert.Equal(801.9545356980955, stats.Numbers("std")[mass], 1e-9);
        Assert.Equal([2700.0, 3550, 4050, 4750, 6300],
            new[] { "min", "25%", "50%", "75%", "max" }.Select(name => stats.Numbers(name)[mass]));
        // Sex: MALE 168, FEMALE 165, "." 1, null 10.
        Assert.Equal(334, stats.Numbers("count")[sex]);
        Assert.Equal(10, stats.Numbers("missing")[sex]);
        Assert.Equal(3, stats.Numbers("unique")[sex]);
        Assert.Equal("MALE", stats.Strings("top")[sex]);
        Assert.Equal(168, stats.Numbers("freq")[sex]);
        Assert.True(double.IsNaN(stats.Numbers("mean")[sex]));
    }

    [Fact]
    public void Describe_Quantiles_InterpolateLinearly()
    {
        var stats = new Table(new NumericColumn("v", [4, 1, 3, 2, double.NaN])).Describe();

        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25]
        Assert.Equal([1.75, 2.5, 3.25], new[] { "25%", "50%", "75%" }.Select(name => stats.Numbers(name)[0]));
        Assert.Equal(Math.Sqrt(5.0 / 3), stats.Numbers("std")[0], 1e-12);
    }

    [Fact]
    public void ToDisplayBundle_ShowsFirstRowsAsHtmlAndText()
    {
        var table = new Table(new NumericColumn("n", Enumerable.Range(0, 25).Select(i => i * 1.5)), new TextColumn("s", Enumerable.Repeat<string?>("<b>", 25)));

        var bundle = table.ToDisplayBundle();

        Assert.Equal(["text/html", "text/plain"], bundle.Keys.Order());
        Assert.Contains("<th>n<br/><small>numeric</small></th>", bundle["text/html"]);
        Assert.Contains("<td>13.5</td>", bundle["text/html"]); // row 9
        Assert.DoesNotContain("<td>15</td>", bundle["text/html"]); // row 10 is not shown
        Assert.Contains("&lt;b&gt;", bundle["text/html"]);
        Assert.Contains("25 rows × 2 columns", bundle["text/html"]);
        Assert.EndsWith("25 rows × 2 columns", bundle["text/plain"]);
        Assert.Equal(1 + 10 + 1 + 1, bundle["text/plain"].Split('\n').Length);
    }

    [Fact]
    public void ToText_MissingValues_ShownAsNaNAndNull()
    {
        string text = Sample().ToText();

        Assert.Contains("NaN", text);
        Assert.Contains("null", text);
        Assert.Contains("2024-01-03", text);
    }

    /// <summary>Text values with null spelled out, so assertions compare plain strings.</summary>
    private static string[] Shown(string?[] values) => [.. values.Select(value => value ?? "(null)")];
}

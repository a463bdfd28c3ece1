using AiLab.Data;
using Microsoft.Data.Analysis;

namespace AiLab.Tests.Data;

public sealed class DataFrameReaderTests
{
    private static readonly FrameField[] Fields =
        [new("when", FieldType.Date), new("value", FieldType.Number), new("label", FieldType.Text)];

    [Fact]
    public void FromCsv_TypesDeclaredFieldsWithEmptyAsNull()
    {
        var frame = DataFrameReader.FromCsv("when,value,label\r\n2020-01-31,1.5,\"a, quoted\"\r\n2020-02-29,,b\r\n,-2e3,\n", "demo.csv", Fields);

        Assert.Equal([typeof(DateTime), typeof(double), typeof(string)], frame.Columns.Select(column => column.DataType));
        Assert.Equal([new DateTime(2020, 1, 31), new DateTime(2020, 2, 29), null], frame["when"].ToDateTimeArray());
        Assert.Equal([1.5, double.NaN, -2000], frame["value"].ToDoubleArray());
        Assert.Equal(["a, quoted", "b", null], (IEnumerable<string?>)frame["label"].ToStringArray());
    }

    [Fact]
    public void FromCsv_RaggedRow_ThrowsWithSourceAndLine()
    {
        var error = Assert.Throws<FormatException>(() => DataFrameReader.FromCsv("when,value,label\n2020-01-01,1,a\n3\n", "demo.csv", Fields));

        Assert.Contains("demo.csv line 3", error.Message);
    }

    [Fact]
    public void FromCsv_BadNumberOrDate_ThrowsNamingLineFieldAndCell()
    {
        var number = Assert.Throws<FormatException>(() => DataFrameReader.FromCsv("when,value,label\n2020-01-01,1,a\n\n2020-01-02,x1,b\n", "demo.csv", Fields));
        var date = Assert.Throws<FormatException>(() => DataFrameReader.FromCsv("when,value,label\n01/02/2020,1,a\n", "demo.csv", Fields));

        Assert.Equal("demo.csv line 4 field 'value': 'x1' is not a number.", number.Message); // the blank line 3 is skipped
        Assert.Equal("demo.csv line 2 field 'when': '01/02/2020' is not an ISO date (yyyy-MM-dd).", date.Message);
    }

    [Fact]
    public void FromCsv_UnexpectedHeader_ThrowsListingBoth()
    {
        var error = Assert.Throws<FormatException>(() => DataFrameReader.FromCsv("when,amount,label\n", "demo.csv", Fields));

        Assert.Equal("demo.csv line 1: the header is 'when', 'amount', 'label'; expected 'when', 'value', 'label'.", error.Message);
    }

    [Fact]
    public void FromJsonRecords_NullsAndAbsentKeysAreNull()
    {
        var frame = DataFrameReader.FromJsonRecords(
            """[{"value": 1, "label": "x"}, {"value": null, "when": "2021-06-30"}, {"label": null, "value": 2.5}]""", "demo.json", Fields);

        Assert.Equal(["when", "value", "label"], frame.Columns.Select(column => column.Name));
        Assert.Equal([null, new DateTime(2021, 6, 30), null], frame["when"].ToDateTimeArray());
        Assert.Equal([1, double.NaN, 2.5], frame["value"].ToDoubleArray());
        Assert.Equal(["x", null, null], (IEnumerable<string?>)frame["label"].ToStringArray());
        Assert.Equal([2L, 1, 2], frame.Columns.Select(column => column.NullCount));
    }

    [Fact]
    public void FromJsonRecords_BadRecords_ThrowNamingRecordAndField()
    {
        var nested = Assert.Throws<FormatException>(() => DataFrameReader.FromJsonRecords("""[{"value": [1]}]""", "demo.json", Fields));
        var twice = Assert.Throws<FormatException>(() => DataFrameReader.FromJsonRecords("""[{"value": 1}, {"value": 1, "value": 2}]""", "demo.json", Fields));
        var unknown = Assert.Throws<FormatException>(() => DataFrameReader.FromJsonRecords("""[{"colour": "red"}]""", "demo.json", Fields));
        var text = Assert.Throws<FormatException>(() => DataFrameReader.FromJsonRecords("""[{"value": "many"}]""", "demo.json", Fields));
        var broken = Assert.Throws<FormatException>(() => DataFrameReader.FromJsonRecords("[\n{\"value\": 1},\n{\"value\": }]", "demo.json", Fields));

        Assert.Equal("demo.json record 0 field 'value' is Array; only flat records are supported.", nested.Message);
        Assert.Equal("demo.json record 1 has the field 'value' twice.", twice.Message);
        Assert.Equal("demo.json record 0 has the field 'colour', which is not one of 'when', 'value', 'label'.", unknown.Message);
        Assert.Equal("demo.json record 0 field 'value': 'many' is not a number.", text.Message);
        Assert.StartsWith("demo.json line 3: not valid JSON", broken.Message);
    }
}

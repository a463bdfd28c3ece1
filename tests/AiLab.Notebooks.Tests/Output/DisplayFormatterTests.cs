using AiLab.Notebooks.Scripting;

namespace AiLab.Notebooks.Tests.Output;

public sealed class DisplayFormatterTests
{
    private static string Plain(object? value) => DisplayFormatter.Bundle(value)[MimeTypes.PlainText];

    [Theory]
    [InlineData(null, "<null>")]
    [InlineData("text", "text")]
    [InlineData(42, "42")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7f, "1E-07")]
    [InlineData(true, "True")]
    [InlineData('c', "c")]
    public void Bundle_Scalars_AreInvariantText(object? value, string expected)
    {
        Assert.Equal(expected, Plain(value));
    }

    [Fact]
    public void Bundle_Double_UsesTheInvariantCultureWhateverTheCurrentOne()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("1.5", Plain(1.5));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Bundle_Collections_ListTheirItems()
    {
        Assert.Equal("[ 1, 2, 3 ]", Plain(new[] { 1, 2, 3 }));
        Assert.Equal("[ \"a\", <null> ]", Plain(new List<string?> { "a", null }));
        Assert.Equal("{ \"a\": 1, \"b\": 2 }", Plain(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }));
        Assert.Equal("[ [ 1, 2 ], [ 3 ] ]", Plain(new[] { new[] { 1, 2 }, new[] { 3 } }));
        Assert.Equal("[]", Plain(Array.Empty<int>()));
    }

    [Fact]
    public void Bundle_LongCollection_IsCutAtMaxItems()
    {
        var text = Plain(Enumerable.Range(0, 250).ToArray());

        Assert.EndsWith(", 99, … (150 more) ]", text);
        Assert.Equal(DisplayFormatter.MaxItems, text.Split(',').Length - 1);
    }

    [Fact]
    public void Bundle_ObjectWithoutToString_ShowsItsProperties()
    {
        Assert.Equal("PlainObject { Name = \"n\", Values = [ 1, 2 ] }", Plain(new PlainObject()));
    }

    [Fact]
    public void Bundle_RecordAndTuple_UseTheirToString()
    {
        Assert.Equal("Point { X = 1, Y = 2 }", Plain(new Point(1, 2)));
        Assert.Equal("(1, a)", Plain((1, "a")));
    }

    [Fact]
    public void Bundle_TypeWithToDisplayBundle_ChoosesItsOwnRepresentations()
    {
        var bundle = DisplayFormatter.Bundle(new Chart());

        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<div>chart</div>", ["text/plain"] = "chart" }, bundle);
    }

    [Fact]
    public void Bundle_ToDisplayBundleThrowing_PropagatesTheOriginalException()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DisplayFormatter.Bundle(new BrokenChart()));

        Assert.Equal("no data", error.Message);
    }

    [Fact]
    public void Bundle_ToDisplayBundleWithAnotherSignature_IsIgnored()
    {
        Assert.Equal("not a bundle", Plain(new WrongSignature()));
    }

    [Fact]
    public void Bundle_HtmlString_IsHtml()
    {
        Assert.Equal("<b>x</b>", DisplayFormatter.Bundle(NotebookHelpers.HTML("<b>x</b>"))[MimeTypes.Html]);
    }

    [Fact]
    public void Format_RequestedMimeTypes_SelectFromTheBundleAndWrapStrings()
    {
        Assert.Equal(["text/html"], DisplayFormatter.Format(new Chart(), ["text/html"]).Keys);
        Assert.Equal("<i>x</i>", DisplayFormatter.Format("<i>x</i>", ["text/html"])["text/html"]);
        var error = Assert.Throws<ArgumentException>(() => DisplayFormatter.Format(new Chart(), ["image/png"]));
        Assert.Contains("cannot display Chart as 'image/png'", error.Message);
    }

    private sealed class PlainObject
    {
        public string Name => "n";

        public int[] Values => [1, 2];
    }

    private sealed record Point(int X, int Y);

    private sealed class Chart
    {
        public IReadOnlyDictionary<string, string> ToDisplayBundle() =>
            new Dictionary<string, string> { ["text/html"] = "<div>chart</div>", ["text/plain"] = "chart" };
    }

    private sealed class BrokenChart
    {
        public IReadOnlyDictionary<string, string> ToDisplayBundle() => throw new InvalidOperationException("no data");
    }

    private sealed class WrongSignature
    {
        public string ToDisplayBundle() => "wrong";

        public override string ToString() => "not a bundle";
    }
}

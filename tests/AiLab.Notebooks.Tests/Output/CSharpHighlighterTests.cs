using System.Net;
using System.Text.RegularExpressions;
using AiLab.Notebooks.Output;

namespace AiLab.Notebooks.Tests.Output;

public sealed class CSharpHighlighterTests
{
    private const string Code = """"
        #r "../lib.dll"
        #!time
        using System;
        // a comment with <tags> & ampersands
        var x = 42 + 1.5e3;
        var s = $"value {x} \"quoted\"" + @"verbatim" + 'c';
        /* block */ async Task<int> F() { await Task.Yield(); return x is > 3 and < 9 ? 1 : 0; }
        record Point(int X, int Y);
        string raw = """
            raw <b>
            """;
        """";

    [Fact]
    public void Highlight_WithoutTags_IsTheSourceText()
    {
        var html = CSharpHighlighter.Highlight(Code);

        Assert.Equal(Code, WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")));
    }

    [Theory]
    [InlineData("kw", "using")]
    [InlineData("kw", "var")]
    [InlineData("kw", "async")]
    [InlineData("kw", "await")]
    [InlineData("kw", "record")]
    [InlineData("kw", "return")]
    [InlineData("num", "42")]
    [InlineData("num", "1.5e3")]
    [InlineData("str", "@&quot;verbatim&quot;")]
    [InlineData("str", "&#39;c&#39;")]
    [InlineData("com", "// a comment with &lt;tags&gt; &amp; ampersands")]
    [InlineData("com", "/* block */")]
    [InlineData("dir", "#r &quot;../lib.dll&quot;\n")]
    public void Highlight_Tokens_GetTheirClass(string cssClass, string text)
    {
        Assert.Contains($"<span class=\"{cssClass}\">{text}</span>", CSharpHighlighter.Highlight(Code));
    }

    [Fact]
    public void Highlight_IdentifierNamedLikeAContextualKeyword_IsNotAKeyword()
    {
        Assert.DoesNotContain("<span class=\"kw\">value</span>", CSharpHighlighter.Highlight("var value = 1; Console.WriteLine(value);"));
    }
}

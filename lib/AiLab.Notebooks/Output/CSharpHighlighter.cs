using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiLab.Notebooks.Output;

/// <summary>
/// Highlights C# for the static pages from Roslyn's own tokens (keywords, literals, comments, directives), so the
/// pages need no JavaScript highlighter. The output, with tags removed and entities decoded, is the input.
/// </summary>
internal static class CSharpHighlighter
{
    private static readonly CSharpParseOptions Script = new(kind: SourceCodeKind.Script, documentationMode: DocumentationMode.Parse);

    // Contextual keywords worth colouring; others (value, select, …) are common identifiers too.
    private static readonly HashSet<string> ContextualKeywords = new(StringComparer.Ordinal)
    {
        "var", "async", "await", "yield", "record", "init", "get", "set", "nameof", "dynamic", "when", "with", "required", "and", "or", "not",
    };

    /// <summary>HTML for <paramref name="code"/>: escaped text with <c>&lt;span class="kw|str|num|com|dir"&gt;</c> around tokens.</summary>
    public static string Highlight(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var html = new StringBuilder(code.Length * 2);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            AppendTrivia(html, token.LeadingTrivia);
            Append(html, token.Text, ClassOf(token));
            AppendTrivia(html, token.TrailingTrivia);
        }
        return html.ToString();
    }

    private static void AppendTrivia(StringBuilder html, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            var text = item.ToFullString();
            var kind = item.Kind();
            var cssClass = item.IsDirective || kind is SyntaxKind.DisabledTextTrivia or SyntaxKind.SkippedTokensTrivia && text.TrimStart().StartsWith('#')
                ? "dir"
                : kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                    or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia
                    ? "com"
                    : null;
            Append(html, text, cssClass);
        }
    }

    private static string? ClassOf(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind) || kind == SyntaxKind.IdentifierToken && ContextualKeywords.Contains(token.Text) &&
            (token.IsContextualKeyword() || token.Parent is TypeSyntax { IsVar: true }))
        {
            return "kw";
        }
        return kind switch
        {
            SyntaxKind.NumericLiteralToken => "num",
            SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.Utf8StringLiteralToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
                or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedStringEndToken
                or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedSingleLineRawStringStartToken
                or SyntaxKind.InterpolatedMultiLineRawStringStartToken or SyntaxKind.InterpolatedRawStringEndToken => "str",
            _ => null,
        };
    }

    private static void Append(StringBuilder html, string text, string? cssClass)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (cssClass is null)
        {
            html.Append(WebUtility.HtmlEncode(text));
            return;
        }
        html.Append("<span class=\"").Append(cssClass).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
    }
}

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiLab.Notebooks.Export;

/// <summary>Source text of syntax without the script-only directives (<c>#r</c>, <c>#load</c>, shebang), which a program cannot hold.</summary>
internal static class SyntaxText
{
    /// <summary>The node's full text (trivia included) minus script-only directive lines.</summary>
    public static string Render(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens(descendIntoTrivia: false))
        {
            Append(text, token.LeadingTrivia);
            text.Append(token.Text);
            Append(text, token.TrailingTrivia);
        }
        return text.ToString();
    }

    /// <summary>The trivia's text minus script-only directive lines.</summary>
    public static string Render(SyntaxTriviaList trivia)
    {
        var text = new StringBuilder();
        Append(text, trivia);
        return text.ToString();
    }

    private static void Append(StringBuilder text, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (!item.IsKind(SyntaxKind.ReferenceDirectiveTrivia) && !item.IsKind(SyntaxKind.LoadDirectiveTrivia) &&
                !item.IsKind(SyntaxKind.ShebangDirectiveTrivia))
            {
                text.Append(item.ToFullString());
            }
        }
    }
}

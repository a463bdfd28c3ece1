using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiLab.Notebooks.Export;

/// <summary>
/// Cells may redeclare a name (<c>var model = …</c> in two cells); one program may not. A name a later cell declares
/// again at top level gets a suffix (<c>model_2</c>) from that cell on: its declaration and every identifier of that
/// name in that cell and the following ones. Syntax only, so a member access named like a renamed variable is renamed
/// too — rare in notebooks, and the compiler then says so.
/// </summary>
internal sealed class Renamer
{
    private readonly Dictionary<string, int> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);

    /// <summary>Records the cell's top-level declarations and returns the cell with current names.</summary>
    public CompilationUnitSyntax Rename(CompilationUnitSyntax cell)
    {
        foreach (var name in Declared(cell))
        {
            var count = _declarations.GetValueOrDefault(name) + 1;
            _declarations[name] = count;
            if (count > 1)
            {
                _current[name] = name + "_" + count.ToString(CultureInfo.InvariantCulture);
            }
        }
        return _current.Count == 0 ? cell : (CompilationUnitSyntax)new Rewriter(_current).Visit(cell);
    }

    private static IEnumerable<string> Declared(CompilationUnitSyntax cell)
    {
        foreach (var member in cell.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        yield return variable.Identifier.Text;
                    }
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    foreach (var variable in local.Declaration.Variables)
                    {
                        yield return variable.Identifier.Text;
                    }
                    break;
                case MethodDeclarationSyntax method:
                    yield return method.Identifier.Text;
                    break;
                case BaseTypeDeclarationSyntax type:
                    yield return type.Identifier.Text;
                    break;
            }
        }
    }

    private sealed class Rewriter(IReadOnlyDictionary<string, string> names) : CSharpSyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token) =>
            token.IsKind(SyntaxKind.IdentifierToken) && names.TryGetValue(token.Text, out var renamed)
                ? SyntaxFactory.Identifier(token.LeadingTrivia, renamed, token.TrailingTrivia)
                : base.VisitToken(token);
    }
}

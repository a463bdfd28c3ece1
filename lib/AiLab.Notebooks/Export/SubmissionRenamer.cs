using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiLab.Notebooks.Export;

/// <summary>
/// Gives every cell-level variable, method and type a name of its own. A later cell may redeclare a name (the new
/// declaration hides the old) and cells may overload methods; in one program's top-level statements both are
/// errors, so each later symbol gets <c>name_2</c>, <c>name_3</c>, … and every reference bound to it follows.
/// </summary>
internal sealed class SubmissionRenamer
{
    private readonly Dictionary<ISymbol, string> _names = new(SymbolEqualityComparer.Default);

    /// <summary>Plans the names for the members of every submission.</summary>
    public SubmissionRenamer(IReadOnlyList<Submission> submissions)
    {
        var members = submissions
            .SelectMany(s => s.Compilation.ScriptClass?.GetMembers() ?? [])
            .Where(m => !m.IsImplicitlyDeclared && m.CanBeReferencedByName)
            .ToList();
        var taken = new HashSet<string>(members.Select(m => m.Name), StringComparer.Ordinal);
        foreach (var group in members.GroupBy(m => m.Name, StringComparer.Ordinal))
        {
            var suffix = 1;
            foreach (var symbol in group.Skip(1))
            {
                string name;
                do
                {
                    name = $"{group.Key}_{++suffix}";
                }
                while (!taken.Add(name));
                _names[symbol] = name;
            }
        }
    }

    /// <summary>The tree of <paramref name="model"/> with renamed declarations and references.</summary>
    public SyntaxNode Rewrite(SemanticModel model) =>
        _names.Count == 0 ? model.SyntaxTree.GetRoot() : new Rewriter(model, _names).Visit(model.SyntaxTree.GetRoot());

    private sealed class Rewriter(SemanticModel model, Dictionary<ISymbol, string> names) : CSharpSyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
        {
            // `var` binds to the inferred type, but it is a keyword, not a reference to rename.
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is { } parent and not IdentifierNameSyntax { IsVar: true } &&
                SymbolOf(parent) is { } symbol &&
                names.TryGetValue(symbol, out var name))
            {
                return SyntaxFactory.Identifier(token.LeadingTrivia, name, token.TrailingTrivia);
            }
            return base.VisitToken(token);
        }

        // The cell-level symbol an identifier declares or refers to (a constructor stands for its type).
        private ISymbol? SymbolOf(SyntaxNode parent)
        {
            var symbol = parent switch
            {
                SimpleNameSyntax name => model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault(),
                ConstructorDeclarationSyntax or DestructorDeclarationSyntax => model.GetDeclaredSymbol(parent)?.ContainingType,
                _ => model.GetDeclaredSymbol(parent),
            };
            if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Destructor } special)
            {
                symbol = special.ContainingType;
            }
            return symbol?.OriginalDefinition;
        }
    }
}

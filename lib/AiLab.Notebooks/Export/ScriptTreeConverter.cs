using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiLab.Notebooks.Export;

/// <summary>
/// Turns the script syntax of a cell (and the files it <c>#load</c>s) into program parts: cell variables become
/// locals, cell methods local functions, types move after the statements, usings to the top, a trailing expression
/// becomes <c>display(…);</c>, and <c>#r</c> DLLs become <c>#:project</c> directives.
/// </summary>
internal sealed class ScriptTreeConverter(SubmissionRenamer renamer, ProgramParts parts, string outputDirectory)
{
    private static readonly SyntaxKind[] LocalFunctionModifiers = [SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.UnsafeKeyword];
    private static readonly SyntaxKind[] NestedOnlyModifiers = [SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword];

    /// <summary>Adds a cell, headed by a comment naming it.</summary>
    /// <exception cref="ExportException">The cell holds something a program cannot (a cell-level property, a DLL no project builds).</exception>
    public void AddCell(Submission submission)
    {
        var body = new StringBuilder();
        AddTree(submission, submission.Tree, body);
        parts.Statements.Add($"// ── cell {submission.Cell.Number} (line {submission.Cell.StartLine}) ──\n{body.ToString().TrimStart('\r', '\n')}");
    }

    private void AddTree(Submission submission, SyntaxTree tree, StringBuilder body)
    {
        var original = (CompilationUnitSyntax)tree.GetRoot();
        var model = submission.Compilation.GetSemanticModel(tree);
        var isCell = tree == submission.Tree;
        int LineOf(SyntaxNode node) => isCell ? submission.LineOf(node) : submission.Cell.StartLine;

        foreach (var reference in original.GetReferenceDirectives())
        {
            try
            {
                if (ProjectReferences.ToDirective(reference.File.ValueText, tree.FilePath, outputDirectory) is { } directive && !parts.Projects.Contains(directive))
                {
                    parts.Projects.Add(directive);
                }
            }
            catch (ArgumentException e)
            {
                throw new ExportException(submission.Cell.Number, LineOf(reference), e.Message);
            }
        }
        foreach (var load in original.GetLoadDirectives())
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(tree.FilePath)!, load.File.ValueText));
            var loaded = submission.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path)
                ?? throw new ExportException(submission.Cell.Number, LineOf(load), $"#load \"{load.File.ValueText}\" was not found");
            body.Append($"// ── loaded from {load.File.ValueText} ──\n");
            AddTree(submission, loaded, body);
            body.Append($"// ── end of {load.File.ValueText} ──\n");
        }

        var rewritten = (CompilationUnitSyntax)renamer.Rewrite(model);
        foreach (var directive in rewritten.Usings)
        {
            parts.AddUsing(SyntaxText.Render(directive).Trim());
        }
        for (var i = 0; i < rewritten.Members.Count; i++)
        {
            var isLast = i == rewritten.Members.Count - 1;
            body.Append(Convert(original.Members[i], rewritten.Members[i], isLast && isCell, model));
        }
        body.Append(SyntaxText.Render(rewritten.EndOfFileToken.LeadingTrivia));
        if (body.Length > 0 && body[^1] != '\n')
        {
            body.Append('\n');
        }

        string? Convert(MemberDeclarationSyntax before, MemberDeclarationSyntax member, bool last, SemanticModel semantics)
        {
            switch (member)
            {
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expression } statement when last:
                    var value = semantics.GetTypeInfo(((ExpressionStatementSyntax)((GlobalStatementSyntax)before).Statement).Expression).Type;
                    var call = value is null || value.SpecialType == SpecialType.System_Void
                        ? $"{SyntaxText.Render(expression.Expression).Trim()};"
                        : $"display({SyntaxText.Render(expression.Expression).Trim()});";
                    return SyntaxText.Render(statement.GetLeadingTrivia()) + call + "\n";
                case GlobalStatementSyntax statement:
                    return SyntaxText.Render(statement);
                case FieldDeclarationSyntax field:
                    return Local(field);
                case MethodDeclarationSyntax method:
                    return LocalFunction(method);
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    parts.Types.Add(TopLevelType(member));
                    return null;
                default:
                    throw new ExportException(submission.Cell.Number, LineOf(before),
                        $"a cell-level {member.Kind()} cannot become a top-level statement of a program; make it a method or a variable");
            }
        }
    }

    // A cell variable (a field of the script class) becomes a local; fields default to zero, locals must be assigned.
    private static string Local(FieldDeclarationSyntax field)
    {
        var declaration = field.Declaration.WithVariables(SyntaxFactory.SeparatedList(
            field.Declaration.Variables.Select(v => v.Initializer is not null ? v : v.WithInitializer(SyntaxFactory.EqualsValueClause(
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)))),
            field.Declaration.Variables.GetSeparators()));
        var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
        return SyntaxText.Render(field.GetLeadingTrivia()) + (isConst ? "const " : "") +
               SyntaxText.Render(declaration.WithoutLeadingTrivia()) + ";" + SyntaxText.Render(field.SemicolonToken.TrailingTrivia);
    }

    private static string LocalFunction(MethodDeclarationSyntax method)
    {
        var function = SyntaxFactory.LocalFunctionStatement(
            method.AttributeLists,
            SyntaxFactory.TokenList(method.Modifiers.Where(m => LocalFunctionModifiers.Contains(m.Kind()))),
            method.ReturnType,
            method.Identifier,
            method.TypeParameterList,
            method.ParameterList,
            method.ConstraintClauses,
            method.Body,
            method.ExpressionBody,
            method.SemicolonToken);
        return SyntaxText.Render(method.GetLeadingTrivia()) + SyntaxText.Render(function.WithoutLeadingTrivia());
    }

    // Types nested in the script class may be private or protected; top-level types may not.
    private static string TopLevelType(MemberDeclarationSyntax type)
    {
        var modifiers = SyntaxFactory.TokenList(type.Modifiers.Where(m => !NestedOnlyModifiers.Contains(m.Kind())));
        return SyntaxText.Render(type.GetLeadingTrivia()) + SyntaxText.Render(type.WithModifiers(modifiers).WithoutLeadingTrivia());
    }
}

using System.Text;
using AiLab.Notebooks.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiLab.Notebooks.Export;

/// <summary>
/// Exports a notebook as a .NET 10 file-based app (<c>dotnet run notebook.cs</c>): <c>#r "nuget: X, v"</c> becomes
/// <c>#:package X@v</c>, a library's <c>#r ".../artifacts/bin/P/…/P.dll"</c> becomes <c>#:project</c> of P,
/// <c>#load</c>ed files are inlined, magic commands are commented out, the C# cells become top-level statements in
/// order (types after them, names a later cell redeclares renamed), markdown becomes comments, and stand-ins replace
/// the kernel's display helpers. Syntax only (Roslyn's parser): nothing is compiled or restored here.
/// </summary>
internal static class FileBasedAppExporter
{
    // File-based apps default to native AOT and inherit the repository's strict build settings; notebook code is
    // script code, compiled without nullable annotations.
    private static readonly string[] Properties =
    [
        "#:property PublishAot=false", "#:property TreatWarningsAsErrors=false", "#:property GenerateDocumentationFile=false",
        "#:property Nullable=disable",
    ];

    /// <summary>The namespaces the kernel's C# cells import implicitly.</summary>
    public static readonly IReadOnlyList<string> KernelImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    ];

    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>The program's text for <paramref name="document"/>, to be written at <paramref name="outputPath"/>.</summary>
    /// <exception cref="ExportException">A cell holds something a program cannot (an F# cell, a DLL no project builds, invalid syntax).</exception>
    public static string Export(NotebookDocument document, string outputPath)
    {
        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        var parts = new ProgramParts();
        var names = new Renamer();
        foreach (var cell in document.Cells)
        {
            if (cell.IsMarkdown)
            {
                parts.Statements.Add($"// ── markdown (cell {cell.Number}) ──\n{Comment(cell.Lines)}");
            }
            else if (!cell.IsCSharp)
            {
                throw new ExportException(cell.Number, cell.StartLine, $"a {cell.Kernel} cell cannot be part of a C# program; export notebooks whose code cells are C#");
            }
            else
            {
                AddCell(document, cell, cell.Content, parts, names, outputDirectory, document.Path);
            }
        }
        return Compose(parts, document.Path, outputDirectory);
    }

    private static void AddCell(NotebookDocument document, NotebookCell cell, string content, ProgramParts parts, Renamer names, string outputDirectory, string sourcePath)
    {
        var lines = content.Split('\n');
        var probe = new NotebookCell(cell.Number, cell.Kernel, content, Enumerable.Range(0, lines.Length).Select(i => content == cell.Content ? cell.FileLine(i) : cell.StartLine).ToList());
        foreach (var directive in CellDirective.Scan(probe))
        {
            var line = probe.FileLine(directive.CellLine);
            switch (directive.Kind)
            {
                case DirectiveKind.NuGet:
                    parts.Packages.Add($"#:package {directive.Package}@{directive.Version ?? "*"}");
                    lines[directive.CellLine] = "";
                    break;
                case DirectiveKind.Reference:
                    try
                    {
                        if (ProjectReferences.ToDirective(directive.Argument, sourcePath, outputDirectory) is { } project)
                        {
                            parts.Projects.Add(project);
                        }
                    }
                    catch (ArgumentException e)
                    {
                        throw new ExportException(cell.Number, line, e.Message);
                    }
                    lines[directive.CellLine] = "";
                    break;
                case DirectiveKind.Load:
                    var loaded = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourcePath)!, directive.Argument));
                    if (!File.Exists(loaded))
                    {
                        throw new ExportException(cell.Number, line, $"#load \"{directive.Argument}\": {loaded} does not exist");
                    }
                    parts.Statements.Add($"// ── loaded from {directive.Argument} ──");
                    AddCell(document, cell, NotebookReader.ReadText(loaded).Replace("\r\n", "\n"), parts, names, outputDirectory, loaded);
                    lines[directive.CellLine] = "";
                    break;
                default:
                    // Magic commands (#!time, #!set, #!who…) and package sources mean nothing to a program.
                    lines[directive.CellLine] = "// " + directive.Text.Trim() + " (notebook only)";
                    break;
            }
        }
        Convert(cell, string.Join('\n', lines), parts, names);
    }

    // Script syntax → program parts: usings to the top, types to the end, script fields and methods as locals.
    private static void Convert(NotebookCell cell, string code, ProgramParts parts, Renamer names)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var trailing = root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last } ? last : null;
        // A cell's last expression has no semicolon (the kernel displays its value): not an error here.
        var error = root.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error &&
            !(trailing is not null && d.Id == "CS1002" && d.Location.SourceSpan.Start >= trailing.Expression.Span.End));
        if (error is not null)
        {
            throw new ExportException(cell.Number, cell.FileLine(error.Location.GetLineSpan().StartLinePosition.Line),
                $"the cell does not parse as C#: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        root = names.Rename(root);
        foreach (var directive in root.Usings)
        {
            parts.Usings.Add(directive.WithoutTrivia().ToFullString());
            if (directive.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            {
                parts.Statements.Add(Leading(directive)); // comments (and commented-out magics) stay where they were
            }
        }
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expression }:
                    // The kernel displays the value a cell ends with, unless it is void (which syntax cannot tell: the
                    // shim's overloads for Action and Func<T> let the compiler pick).
                    parts.Statements.Add($"{Leading(member)}ShowValue(() => {expression.Expression.WithoutTrivia().ToFullString()});");
                    break;
                case GlobalStatementSyntax statement:
                    parts.Statements.Add(statement.ToFullString());
                    break;
                case FieldDeclarationSyntax field:
                    // A script field starts at its default value; a local must be assigned before use.
                    var declaration = field.Declaration.WithVariables(SyntaxFactory.SeparatedList(field.Declaration.Variables.Select(v =>
                        v.Initializer is null ? v.WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression(" default"))) : v)));
                    var constant = field.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword)) ? "const " : "";
                    parts.Statements.Add(Leading(field) + constant + declaration.WithoutTrivia().NormalizeWhitespace().ToFullString() + ";" + field.SemicolonToken.TrailingTrivia.ToFullString());
                    break;
                case MethodDeclarationSyntax method:
                    parts.Statements.Add(method.WithModifiers(new SyntaxTokenList(method.Modifiers.Where(m => m.IsKind(SyntaxKind.AsyncKeyword) || m.IsKind(SyntaxKind.UnsafeKeyword)))).ToFullString());
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    parts.Types.Add(member.ToFullString());
                    break;
                default:
                    throw new ExportException(cell.Number, cell.FileLine(member.GetLocation().GetLineSpan().StartLinePosition.Line),
                        $"a top-level {member.Kind()} has no equivalent in a program's top-level statements");
            }
        }
    }

    private static string Leading(SyntaxNode node) => node.GetLeadingTrivia().ToFullString();

    private static string Comment(IEnumerable<string> lines) => string.Concat(lines.Select(l => (l.Length == 0 ? "//" : "// " + l) + "\n"));

    private static string Compose(ProgramParts parts, string notebookPath, string outputDirectory)
    {
        var notebookDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var program = new StringBuilder();
        foreach (var directive in Properties.Concat(parts.Packages.Distinct()).Concat(parts.Projects.Distinct()))
        {
            program.Append(directive).Append('\n');
        }
        program.Append('\n')
            .Append("// Generated by `ailab export --to cs` from ").Append(Path.GetFileName(notebookPath)).Append("; edit the notebook, not this file.\n")
            .Append("// Run it with `dotnet run ").Append(Path.GetFileNameWithoutExtension(notebookPath)).Append(".cs`.\n\n");
        foreach (var import in KernelImports)
        {
            program.Append("using ").Append(import).Append(";\n");
        }
        foreach (var directive in parts.Usings.Distinct().Where(u => !KernelImports.Any(i => u == $"using {i};")))
        {
            program.Append(directive).Append('\n');
        }
        program.Append(ExportShim.Using).Append("\n\n")
            .Append("// The notebook runs with its own folder as the working directory; so does this program.\n")
            .Append("System.IO.Directory.SetCurrentDirectory(System.IO.Path.Combine(AppContext.GetData(\"EntryPointFileDirectoryPath\") as string ?? \".\", \"")
            .Append(Path.GetRelativePath(outputDirectory, notebookDirectory).Replace(Path.DirectorySeparatorChar, '/'))
            .Append("\"));\n\n");
        foreach (var statement in parts.Statements)
        {
            program.Append(statement.Trim('\n', '\r')).Append("\n\n");
        }
        if (parts.Types.Count > 0)
        {
            program.Append("// ── types declared in the notebook ──\n\n");
            foreach (var type in parts.Types)
            {
                program.Append(type.Trim('\n', '\r')).Append("\n\n");
            }
        }
        program.Append(ExportShim.Code.Trim()).Append('\n');
        return program.ToString();
    }
}

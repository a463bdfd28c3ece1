using System.Reflection;
using System.Text;
using AiLab.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace AiLab.Notebooks.Execution;

/// <summary>The Roslyn script options of a notebook: what Polyglot Notebooks' C# kernel offers, rooted at the notebook.</summary>
internal static class ScriptOptionsFactory
{
    /// <summary>The namespaces Polyglot Notebooks' C# kernel imports in every cell.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    ];

    // Every assembly of the shared framework, as a project targeting it would see (the scripting default is a
    // handful, without System.Linq or System.Text.Json).
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>
    /// Options for the cells of the notebook at <paramref name="notebookPath"/>: framework references, the kernel's
    /// imports plus <c>display</c>/<c>HTML</c>/<c>Display()</c>, <c>#r</c> and <c>#load</c> paths relative to the
    /// notebook's folder, and debug information so that stack traces carry notebook line numbers.
    /// </summary>
    public static ScriptOptions Create(string notebookPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        return ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookHelpers).Assembly)
            .WithImports(DefaultImports.Append(typeof(NotebookHelpers).FullName!).Append(typeof(DisplayExtensions).Namespace!))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
            .WithFilePath(Path.GetFullPath(notebookPath))
            .WithFileEncoding(new UTF8Encoding(false))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release);
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

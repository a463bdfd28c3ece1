using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiLab.Notebooks.Tests.Support;

/// <summary>Builds, into a folder, a managed TinyLib.dll (for a notebook's relative <c>#r</c>).</summary>
internal static class TinyLibrary
{
    private const string ManagedSource = """
        namespace TinyLib;
        public static class Greeter
        {
            public static string Greet(string name) => "hello " + name;
        }
        """;

    public static void BuildInto(string directory)
    {
        Directory.CreateDirectory(directory);
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Runtime.dll", "System.Private.CoreLib.dll" }
            .Select(name => MetadataReference.CreateFromFile(Path.Combine(frameworkDirectory, name)));
        var compilation = CSharpCompilation.Create("TinyLib", [CSharpSyntaxTree.ParseText(ManagedSource)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(Path.Combine(directory, "TinyLib.dll"));
        if (!emitted.Success)
        {
            throw new InvalidOperationException("TinyLib does not compile: " + string.Join("\n", emitted.Diagnostics));
        }
    }
}

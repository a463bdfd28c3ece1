using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiLab.Notebooks.Tests.Support;

/// <summary>
/// Builds, into a folder, a managed TinyLib.dll whose <c>Greeter.NativeAdd</c> calls a native libtinynative.so
/// placed beside it: the shape of AiLab.Torch.dll and its libailab_native.so.
/// </summary>
internal static class TinyLibrary
{
    private const string ManagedSource = """
        using System.Runtime.InteropServices;
        namespace TinyLib;
        public static class Greeter
        {
            public static string Greet(string name) => "hello " + name;

            [DllImport("tinynative")]
            private static extern int tiny_add(int a, int b);

            public static int NativeAdd(int a, int b) => tiny_add(a, b);
        }
        """;

    private const string NativeSource = "int tiny_add(int a, int b) { return a + b; }\n";

    public static void BuildInto(string directory)
    {
        Directory.CreateDirectory(directory);
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Runtime.dll", "System.Runtime.InteropServices.dll", "System.Private.CoreLib.dll" }
            .Select(name => MetadataReference.CreateFromFile(Path.Combine(frameworkDirectory, name)));
        var compilation = CSharpCompilation.Create("TinyLib", [CSharpSyntaxTree.ParseText(ManagedSource)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(Path.Combine(directory, "TinyLib.dll"));
        if (!emitted.Success)
        {
            throw new InvalidOperationException("TinyLib does not compile: " + string.Join("\n", emitted.Diagnostics));
        }

        var source = Path.Combine(directory, "tiny.c");
        File.WriteAllText(source, NativeSource);
        var compiler = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-o", Path.Combine(directory, "libtinynative.so"), source])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("cannot start cc (scripts/setup.sh installs the C toolchain)");
        var errors = compiler.StandardError.ReadToEnd();
        compiler.WaitForExit();
        if (compiler.ExitCode != 0)
        {
            throw new InvalidOperationException("cc failed: " + errors);
        }
    }
}

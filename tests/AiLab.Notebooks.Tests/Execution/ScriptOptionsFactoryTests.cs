using AiLab.Notebooks.Execution;
using AiLab.Notebooks.Scripting;

namespace AiLab.Notebooks.Tests.Execution;

public sealed class ScriptOptionsFactoryTests
{
    [Fact]
    public void ProgramAssembly_NameDiffersFromTheLibraryTheNotebooksLoad()
    {
        // Assembly names ignore case: a program named "ailab" would be handed to a notebook asking for AiLab.dll.
        Assert.False(string.Equals(typeof(NotebookHelpers).Assembly.GetName().Name, "AiLab", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Create_ImportsTheKernelNamespacesAndTheHelpers_RootedAtTheNotebook()
    {
        var options = ScriptOptionsFactory.Create("/repo/notebooks/01.dib");

        Assert.Equal(
            ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
             "AiLab.Notebooks.Scripting.NotebookHelpers", "AiLab.Notebooks.Scripting"],
            options.Imports.ToArray());
        Assert.Equal("/repo/notebooks/01.dib", options.FilePath);
        Assert.True(options.EmitDebugInformation);
        Assert.Contains(options.MetadataReferences, r => r.Display?.EndsWith("System.Linq.dll", StringComparison.Ordinal) == true);
        Assert.Contains(options.MetadataReferences, r => r.Display?.EndsWith("System.Text.Json.dll", StringComparison.Ordinal) == true);
    }
}

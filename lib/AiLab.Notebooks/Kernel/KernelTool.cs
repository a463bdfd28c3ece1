using System.Text.Json.Nodes;

namespace AiLab.Notebooks.Kernel;

/// <summary>
/// Where <c>dotnet tool run dotnet-interactive</c> works: a folder whose <c>.config/dotnet-tools.json</c> pins the
/// official kernel (the repository root). <c>dotnet tool run</c> finds the manifest from its working directory, so
/// the kernel process starts there and <c>--working-dir</c> moves the kernel into the notebook's folder.
/// </summary>
internal static class KernelTool
{
    /// <summary>The tool package the manifest must list.</summary>
    public const string Package = "microsoft.dotnet-interactive";

    /// <summary>
    /// The nearest folder above <paramref name="notebookDirectory"/> with the manifest, else the one above this
    /// program (the repository it was built in), else the working directory's.
    /// </summary>
    /// <exception cref="InvalidOperationException">No manifest pins the tool.</exception>
    public static string FindManifestRoot(string notebookDirectory)
    {
        foreach (var start in new[] { notebookDirectory, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (PinsTheKernel(Path.Combine(directory.FullName, ".config", "dotnet-tools.json")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"no .config/dotnet-tools.json listing {Package} above {notebookDirectory} or this program; run `dotnet tool restore` in the repository");
    }

    private static bool PinsTheKernel(string manifest)
    {
        try
        {
            return File.Exists(manifest) && JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?[Package] is not null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            return false;
        }
    }
}

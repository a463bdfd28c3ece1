using System.Text.RegularExpressions;

namespace AiLab.Charts;

/// <summary>
/// Where <see cref="LabChart.Save(Plotly.NET.GenericChart, string)"/> writes. The notebook runner sets <c>AILAB_OUT</c> (output folder),
/// <c>AILAB_NOTEBOOK</c> (notebook file stem) and <c>AILAB_PNG=1</c> (also write PNGs); outside the runner
/// (VS Code) charts go to <c>&lt;repository&gt;/artifacts/charts/interactive/</c>.
/// </summary>
internal static partial class ChartOutput
{
    /// <summary>Environment variable with the absolute output folder.</summary>
    public const string OutVariable = "AILAB_OUT";

    /// <summary>Environment variable with the running notebook's file name without extension.</summary>
    public const string NotebookVariable = "AILAB_NOTEBOOK";

    /// <summary>Environment variable that is <c>1</c> when PNGs are wanted too.</summary>
    public const string PngVariable = "AILAB_PNG";

    /// <summary>Notebook name used outside the runner.</summary>
    public const string InteractiveNotebook = "interactive";

    /// <summary>The places one chart goes, from the environment of this process.</summary>
    public static ChartPaths Resolve(string name) => Resolve(
        name,
        Environment.GetEnvironmentVariable(OutVariable),
        Environment.GetEnvironmentVariable(NotebookVariable),
        Environment.GetEnvironmentVariable(PngVariable));

    /// <summary>As <see cref="Resolve(string)"/>, with the environment passed in (testable without changing the process's).</summary>
    public static ChartPaths Resolve(string name, string? outDirectory, string? notebook, string? png)
    {
        ValidateName(name, nameof(name));
        var root = string.IsNullOrWhiteSpace(outDirectory) ? DefaultOutDirectory() : Path.GetFullPath(outDirectory);
        notebook = string.IsNullOrWhiteSpace(notebook) ? InteractiveNotebook : notebook;
        ValidateName(notebook, NotebookVariable);
        var folder = Path.Combine(root, "charts", notebook);
        return new ChartPaths(
            Html: Path.Combine(folder, name + ".html"),
            Png: png?.Trim() == "1" ? Path.Combine(folder, name + ".png") : null,
            SharedPlotlyJs: Path.Combine(root, "plotly.min.js"));
    }

    /// <summary>A chart or notebook name must be a plain file name: letters, digits, '-', '_' and '.', no folders, no extension.</summary>
    public static void ValidateName(string name, string argument)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A chart name is needed, e.g. \"roc\".", argument);
        if (!NamePattern().IsMatch(name) || name.Contains(".."))
            throw new ArgumentException(
                $"\"{name}\" is not a valid chart name: use letters, digits, '-', '_' and '.', starting with a letter or digit, with no folder separators (e.g. \"roc\" or \"loss-curves\").",
                argument);
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Give the chart name without an extension (\"{Path.GetFileNameWithoutExtension(name)}\"): .html and .png are added.", argument);
    }

    /// <summary>&lt;folder containing AiLab.slnx&gt;/artifacts, searching up from the current folder, then from the program's folder.</summary>
    private static string DefaultOutDirectory()
    {
        if (RepositoryRoot.Find() is { } root) return Path.Combine(root, "artifacts");
        throw new InvalidOperationException(
            $"Cannot tell where to save charts: {OutVariable} is not set and no folder above {Directory.GetCurrentDirectory()} contains AiLab.slnx. " +
            $"Set {OutVariable}, or use LabChart.SaveHtml/SavePng with explicit paths.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>The files of one saved chart: its page, its PNG when wanted, and the shared plotly.js the page loads.</summary>
internal sealed record ChartPaths(string Html, string? Png, string SharedPlotlyJs);

using System.Xml.Linq;

namespace AiLab.Notebooks.Documents;

/// <summary>The package versions <c>Directory.Packages.props</c> pins; notebooks' <c>#r "nuget: X, v"</c> lines must use the same.</summary>
internal sealed class PackagePins(IReadOnlyDictionary<string, string> versions, string file)
{
    /// <summary>The props file the pins come from.</summary>
    public string File { get; } = file;

    /// <summary>The pinned version of <paramref name="package"/> (case-insensitive id), or null.</summary>
    public string? VersionOf(string package) => versions.GetValueOrDefault(package);

    /// <summary>The pins of the nearest <c>Directory.Packages.props</c> above <paramref name="directory"/>, or null when there is none.</summary>
    public static PackagePins? Find(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var props = Path.Combine(folder.FullName, "Directory.Packages.props");
            if (System.IO.File.Exists(props))
            {
                return Load(props);
            }
        }
        return null;
    }

    /// <summary>Reads the <c>PackageVersion</c> items of <paramref name="props"/>.</summary>
    public static PackagePins Load(string props)
    {
        var versions = XDocument.Load(props).Descendants("PackageVersion")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
            .GroupBy(e => e.Attribute("Include")!.Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
        return new PackagePins(versions, props);
    }
}

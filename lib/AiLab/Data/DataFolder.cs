using System.IO.Compression;
using System.Security.Cryptography;

namespace AiLab.Data;

/// <summary>
/// The folder holding the datasets (the repository's <c>data/</c>), and checksum-verified reads from it.
/// </summary>
/// <remarks>
/// <see cref="Locate"/> uses the environment variable <c>AILAB_DATA</c> when it is set; otherwise it walks up
/// from the current directory, then from the library's own folder, to the directory that holds
/// <c>AiLab.slnx</c>, and takes its <c>data/</c> folder. Notebooks run with their own folder as working
/// directory, which is inside the repository, so both routes find it.
/// </remarks>
public sealed class DataFolder
{
    /// <summary>The environment variable that, when set, names the data folder directly.</summary>
    public const string EnvironmentVariable = "AILAB_DATA";

    /// <summary>The command that rebuilds the data folder from its source packages, run from the repository root.</summary>
    public const string RegenerateCommand = "python3 data/regenerate.py";

    /// <summary>A data folder at <paramref name="path"/>; files are checked when they are read.</summary>
    public DataFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>Finds the data folder (see the class remarks) or throws <see cref="DataFileException"/>.</summary>
    public static DataFolder Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Directory.Exists(configured))
                throw new DataFileException(configured,
                    $"{EnvironmentVariable} is set to '{configured}', which is not a directory. " +
                    $"Point it at the repository's data/ folder, or unset it to use the repository's own.");
            return new DataFolder(configured);
        }
        if (RepositoryRoot.Find() is { } root) return new DataFolder(System.IO.Path.Combine(root, "data"));
        string[] starts = RepositoryRoot.SearchStarts;
        throw new DataFileException("data",
            $"Could not find the data folder: no {RepositoryRoot.SolutionFile} above '{starts[0]}' or '{starts[1]}', " +
            $"and {EnvironmentVariable} is not set. Run from inside the AiLab repository, or set " +
            $"{EnvironmentVariable} to its data/ folder.");
    }

    /// <summary>
    /// Reads <paramref name="fileName"/> (relative to this folder, e.g. <c>sklearn/iris.csv</c>) after checking
    /// its SHA-256 against <c>data/SHA256SUMS</c>; a <c>.gz</c> file is returned decompressed.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, altered or not a known data file.</exception>
    public byte[] ReadVerified(string fileName)
    {
        if (!DataChecksums.Expected.TryGetValue(fileName, out string? expected))
            throw new DataFileException(fileName,
                $"'{fileName}' is not one of the data files listed in data/SHA256SUMS " +
                $"({string.Join(", ", DataChecksums.Expected.Keys)}).");
        string fullPath = System.IO.Path.Combine(Path, fileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(fileName,
                $"Data file '{fileName}' is missing from '{Path}'. {RestoreAdvice}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(fileName, $"Data file '{fileName}' in '{Path}' cannot be read: {e.Message}", e);
        }
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expected)
            throw new DataFileException(fileName,
                $"Data file '{fileName}' in '{Path}' has been altered: its SHA-256 is {actual}, " +
                $"data/SHA256SUMS expects {expected}. {RestoreAdvice}");
        return fileName.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(bytes) : bytes;
    }

    /// <summary>Like <see cref="ReadVerified"/>, decoded as UTF-8 text.</summary>
    public string ReadVerifiedText(string fileName) =>
        System.Text.Encoding.UTF8.GetString(ReadVerified(fileName));

    /// <inheritdoc/>
    public override string ToString() => Path;

    private static string RestoreAdvice =>
        $"Restore it with 'git checkout -- data/' or rebuild the folder by running '{RegenerateCommand}' from the repository root.";

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

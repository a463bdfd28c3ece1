using System.Security.Cryptography;
using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class DataFolderTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("ailab-data-test-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Locate_InsideRepository_FindsDataFolderNextToSolution()
    {
        var folder = DataFolder.Locate();

        Assert.True(File.Exists(Path.Combine(folder.Path, "..", "AiLab.slnx")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "SHA256SUMS")));
    }

    [Fact]
    public void Loader_MissingFile_ThrowsNamingFileAndRegenerateCommand()
    {
        var error = Assert.Throws<DataFileException>(() => Datasets.Iris(new DataFolder(temp)));

        Assert.Equal("sklearn/iris.csv", error.FileName);
        Assert.Contains("'sklearn/iris.csv' is missing", error.Message);
        Assert.Contains(temp, error.Message);
        Assert.Contains("python3 data/regenerate.py", error.Message);
    }

    [Fact]
    public void Loader_AlteredFile_ThrowsWithBothChecksumsAndRegenerateCommand()
    {
        string original = Path.Combine(DataFolder.Locate().Path, "sklearn", "iris.csv");
        Directory.CreateDirectory(Path.Combine(temp, "sklearn"));
        string copy = Path.Combine(temp, "sklearn", "iris.csv");
        string text = File.ReadAllText(original);
        File.WriteAllText(copy, text.Replace("5.1,3.5,1.4,0.2,0", "5.1,3.5,1.4,0.3,0"));
        string actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(copy)));

        var error = Assert.Throws<DataFileException>(() => Datasets.Iris(new DataFolder(temp)));

        Assert.Equal("sklearn/iris.csv", error.FileName);
        Assert.Contains("has been altered", error.Message);
        Assert.Contains(actual, error.Message);
        Assert.Contains("f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449", error.Message);
        Assert.Contains("python3 data/regenerate.py", error.Message);
    }

    [Fact]
    public void Loader_UnalteredCopy_LoadsFromOtherFolder()
    {
        Directory.CreateDirectory(Path.Combine(temp, "sklearn"));
        File.Copy(Path.Combine(DataFolder.Locate().Path, "sklearn", "iris.csv"), Path.Combine(temp, "sklearn", "iris.csv"));

        Assert.Equal(150, Datasets.Iris(new DataFolder(temp)).Count);
    }

    [Fact]
    public void ReadVerified_FileNotInChecksumList_Throws()
    {
        var error = Assert.Throws<DataFileException>(() => DataFolder.Locate().ReadVerified("README.md"));

        Assert.Equal("README.md", error.FileName);
        Assert.Contains("not one of the data files", error.Message);
    }

    [Fact]
    public void Checksums_EveryListedFile_MatchesFileOnDisk()
    {
        var folder = DataFolder.Locate();

        foreach (string file in DataChecksums.Expected.Keys)
            Assert.NotEmpty(folder.ReadVerified(file));
        Assert.Equal(13, DataChecksums.Expected.Count);
    }

    [Fact]
    public void Checksums_CompiledList_EqualsSha256SumsFileAndReadmeTable()
    {
        string data = DataFolder.Locate().Path;
        using var reader = new StreamReader(Path.Combine(data, "SHA256SUMS"));
        var onDisk = DataChecksums.Parse(reader);
        string readme = File.ReadAllText(Path.Combine(data, "README.md"));

        Assert.Equal(onDisk.OrderBy(p => p.Key), DataChecksums.Expected.OrderBy(p => p.Key));
        foreach (var (file, sha) in onDisk)
            Assert.Contains($"| `{file}` |", readme.Split('\n').Single(line => line.Contains($"`{sha}`")));
    }

    [Fact]
    public void Parse_MalformedLine_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<FormatException>(() => DataChecksums.Parse(new StringReader("abc  x.csv\n")));

        Assert.Contains("line 1", error.Message);
    }
}

[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;

[Collection(nameof(EnvironmentVariableCollection))]
public sealed class DataFolderEnvironmentTests
{
    [Fact]
    public void Locate_EnvironmentVariableSet_UsesThatFolder()
    {
        string temp = Directory.CreateTempSubdirectory("ailab-data-env-").FullName;
        try
        {
            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, temp);
            Assert.Equal(temp, DataFolder.Locate().Path);

            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, Path.Combine(temp, "absent"));
            var error = Assert.Throws<DataFileException>(DataFolder.Locate);
            Assert.Contains("AILAB_DATA", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, null);
            Directory.Delete(temp, recursive: true);
        }
    }
}

namespace AiLab.Notebooks.Tests.Support;

/// <summary>Folders the tests read: the repository, its notebooks, the test notebooks.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding AiLab.slnx), found from the test assembly's location.</summary>
    public static string RepositoryRoot { get; } =
        global::AiLab.Notebooks.RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("AiLab.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>The project's notebooks (<c>notebooks/</c>).</summary>
    public static string Notebooks => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>The runner tests' notebooks (<c>tests/AiLab.Notebooks.Tests/TestNotebooks</c>).</summary>
    public static string TestNotebooks => Path.Combine(RepositoryRoot, "tests", "AiLab.Notebooks.Tests", "TestNotebooks");

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ailab-tests-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}

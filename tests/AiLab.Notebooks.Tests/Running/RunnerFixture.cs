using System.Security.Cryptography;
using AiLab.Notebooks.Running;
using AiLab.Notebooks.Tests.Support;

namespace AiLab.Notebooks.Tests.Running;

/// <summary>
/// Runs the test notebooks once, two at a time, each in its own official kernel (one run shared by the runner tests,
/// since every kernel takes 3–5 s to start).
/// </summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public static readonly string[] Notebooks =
        ["basics.dib", "threads.dib", "compile-error.dib", "exception.dib", "crash.dib", "torch.dib", "missing-package.dib", "jupyter.ipynb"];

    public string OutDir { get; } = TestPaths.NewTempDirectory("run");

    /// <summary>Temporary copies of references.dib (with the DLL and files it uses) and extensions.dib (with its package folder).</summary>
    public string CopyDir { get; } = TestPaths.NewTempDirectory("copy");

    internal RunSummary Summary { get; private set; } = null!;

    internal Dictionary<string, NotebookRunResult> Results { get; } = [];

    internal SilentObserver Observer { get; } = new();

    public Dictionary<string, string> HashesBefore { get; } = [];

    public Dictionary<string, string> HashesAfter { get; } = [];

    public string StaleChart => Path.Combine(OutDir, "charts", "basics", "stale.html");

    public async Task InitializeAsync()
    {
        var notebookDir = Path.Combine(CopyDir, "notebooks");
        Directory.CreateDirectory(Path.Combine(notebookDir, "helpers"));
        Directory.CreateDirectory(Path.Combine(notebookDir, "data"));
        foreach (var file in new[] { "references.dib", "helpers/util.csx", "data/input.txt" })
        {
            File.Copy(Path.Combine(TestPaths.TestNotebooks, file), Path.Combine(notebookDir, file));
        }
        TinyLibrary.BuildInto(Path.Combine(notebookDir, "lib"));
        var feed = Path.Combine(notebookDir, "feed");
        Directory.CreateDirectory(feed);
        File.WriteAllText(Path.Combine(notebookDir, "extensions.dib"),
            File.ReadAllText(Path.Combine(TestPaths.TestNotebooks, "extensions.dib")).Replace("ABSOLUTE_FEED_FOLDER", feed));

        // A chart left by an earlier run must not survive this one.
        Directory.CreateDirectory(Path.GetDirectoryName(StaleChart)!);
        await File.WriteAllTextAsync(StaleChart, "old");

        var targets = Notebooks.Select(n => NotebookTarget.For(Path.Combine(TestPaths.TestNotebooks, n)))
            .Append(NotebookTarget.For(Path.Combine(notebookDir, "references.dib")))
            .Append(NotebookTarget.For(Path.Combine(notebookDir, "extensions.dib")))
            .ToList();
        foreach (var target in targets)
        {
            HashesBefore[target.Stem] = Hash(target.FullPath);
        }
        var settings = new RunSettings(OutDir, TimeSpan.FromSeconds(60), Jobs: 2, Png: true);
        (Summary, var results) = await new NotebookRunner(settings).RunAsync(targets, Observer);
        foreach (var result in results)
        {
            Results[result.Target.Stem] = result;
            HashesAfter[result.Target.Stem] = Hash(result.Target.FullPath);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutDir, recursive: true);
        Directory.Delete(CopyDir, recursive: true);
        return Task.CompletedTask;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

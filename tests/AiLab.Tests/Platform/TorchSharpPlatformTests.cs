using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AiLab.Tests.Platform;

/// <summary>
/// The set-up steps that make TorchSharp work on Debian 12 (scripts/weaken-glibcxx.py, scripts/fix-torchsharp-glibcxx.sh,
/// scripts/check-system-libtorch.sh), checked against readelf's reading of the ELF file and against a fresh process.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Debian's libstdc++, ELF files, ldconfig
public sealed partial class TorchSharpPlatformTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string Root => RepositoryRoot.Find()
        ?? throw new InvalidOperationException("the tests run inside the AiLab repository");

    /// <summary>The libLibTorchSharp.so of the restored package (the one set-up fixes).</summary>
    private static string PackagedLibrary()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
        return Path.Combine(packages, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{file} {arguments}"); }
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>readelf's view of the Vernaux entries: name (GLIBC_2.2.5 may appear once per library needed), file
    /// offset of vna_flags, flags text.</summary>
    private static List<(string Name, long FlagsOffset, string Flags)> VersionNeeds(string library)
    {
        var (exit, text) = Run("readelf", $"-V \"{library}\"");
        Assert.Equal(0, exit);
        var section = SectionHeader().Match(text[text.IndexOf(".gnu.version_r", StringComparison.Ordinal)..]);
        var sectionOffset = Convert.ToInt64(section.Groups[1].Value, 16);
        return [.. AuxEntry().Matches(text).Select(m =>
            (m.Groups[2].Value, sectionOffset + Convert.ToInt64(m.Groups[1].Value, 16) + 4, m.Groups[3].Value))];
    }

    [GeneratedRegex(@"Offset: 0x([0-9a-f]+)")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"0x([0-9a-f]+):\s+Name: (\S+)\s+Flags: (\S+)")]
    private static partial Regex AuxEntry();

    private static bool SystemLibstdcxxHas(string version) =>
        new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .Where(File.Exists).Any(f => File.ReadAllText(f).Contains(version, StringComparison.Ordinal));

    [Fact]
    public void RestoredPackage_AfterSetup_HasOnlyTheGlibcxx3432RequirementWeak()
    {
        if (SystemLibstdcxxHas(Version)) return; // set-up leaves the library alone where the system has the version
        var needs = VersionNeeds(PackagedLibrary());
        Assert.Equal("WEAK", needs.Single(n => n.Name == Version).Flags);
        Assert.All(needs.Where(n => n.Name != Version), n => Assert.Equal("none", n.Flags));
    }

    [Fact]
    public void WeakenScript_OnAStrongCopy_WeakensOnceAndIsIdempotent()
    {
        var folder = Directory.CreateTempSubdirectory("ailab-weaken-");
        try
        {
            var copy = Path.Combine(folder.FullName, "libLibTorchSharp.so");
            File.Copy(PackagedLibrary(), copy);
            // Make the copy strong again (clear the flags readelf locates), so the script has something to do.
            var needs = VersionNeeds(copy);
            var bytes = File.ReadAllBytes(copy);
            bytes[needs.Single(n => n.Name == Version).FlagsOffset] = 0;
            bytes[needs.Single(n => n.Name == Version).FlagsOffset + 1] = 0;
            File.WriteAllBytes(copy, bytes);
            Assert.Equal("none", VersionNeeds(copy).Single(n => n.Name == Version).Flags);

            var script = Path.Combine(Root, "scripts", "weaken-glibcxx.py");
            var check = Run("python3", $"\"{script}\" --check {Version} \"{copy}\"");
            Assert.Equal(1, check.ExitCode);
            Assert.Contains("required (not weak)", check.Output);

            var first = Run("python3", $"\"{script}\" {Version} \"{copy}\"");
            Assert.Equal(0, first.ExitCode);
            Assert.Contains($"{Version} weakened", first.Output);
            var weakened = File.ReadAllBytes(copy);
            var after = VersionNeeds(copy);
            Assert.Equal("WEAK", after.Single(n => n.Name == Version).Flags);
            Assert.All(after.Where(n => n.Name != Version), n => Assert.Equal("none", n.Flags));
            // Exactly one byte changed: the low byte of that entry's vna_flags now holds VER_FLG_WEAK (0x2).
            var offset = needs.Single(n => n.Name == Version).FlagsOffset;
            Assert.Equal([offset], Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != weakened[i]).Select(i => (long)i));
            Assert.Equal(0x2, weakened[offset]);

            var second = Run("python3", $"\"{script}\" {Version} \"{copy}\"");
            Assert.Contains("already weak", second.Output);
            Assert.Equal(weakened, File.ReadAllBytes(copy));

            var other = Run("python3", $"\"{script}\" GLIBCXX_9.9.99 \"{copy}\"");
            Assert.Contains("not required", other.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void WeakenScript_NotAnElfFile_FailsNamingTheFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a library");
            var result = Run("python3", $"\"{Path.Combine(Root, "scripts", "weaken-glibcxx.py")}\" {Version} \"{file}\"");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(file, result.Output);
            Assert.Contains("not a 64-bit little-endian ELF file", result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SystemLibtorchCheck_DebianLibtorchOnTheLibraryPath_StopsAndSaysWhatToRemove()
    {
        var folder = Directory.CreateTempSubdirectory("ailab-ldconfig-");
        try
        {
            // A stand-in for ldconfig -p on a machine with Debian's libtorch-dev (unversioned names on the default path).
            var fake = Path.Combine(folder.FullName, "ldconfig");
            File.WriteAllText(fake, "#!/bin/sh\nprintf '\\tlibtorch_cpu.so.1.13 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13\\n" +
                "\\tlibtorch_cpu.so (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libtorch_cpu.so\\n'\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = Path.Combine(Root, "scripts", "check-system-libtorch.sh");

            var withDebianLibtorch = Run("bash", $"\"{script}\"", new Dictionary<string, string> { ["LDCONFIG"] = fake });
            Assert.Equal(1, withDebianLibtorch.ExitCode);
            Assert.Contains("/usr/lib/x86_64-linux-gnu/libtorch_cpu.so", withDebianLibtorch.Output);
            Assert.Contains("apt-get remove", withDebianLibtorch.Output);

            // Only versioned names (what python3-torch installs): fine.
            File.WriteAllText(fake, "#!/bin/sh\nprintf '\\tlibtorch_cpu.so.2.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libtorch_cpu.so.2.1\\n'\n");
            Assert.Equal(0, Run("bash", $"\"{script}\"", new Dictionary<string, string> { ["LDCONFIG"] = fake }).ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void PlainTorchSharpProgram_FreshProcessAfterSetup_LoadsLibtorchAndComputes()
    {
        // What a newcomer writes after make setup: a .NET 10 file-based app with TorchSharp-cpu from NuGet.
        var folder = Directory.CreateTempSubdirectory("ailab-plain-torchsharp-");
        try
        {
            var version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
            var program = Path.Combine(folder.FullName, "probe.cs");
            File.WriteAllText(program, $$"""
                #:package TorchSharp-cpu@{{version.Major}}.{{version.Minor}}.{{version.Build}}
                using static TorchSharp.torch;
                var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
                Console.WriteLine($"libtorch {__version__} {a.mm(a).sum().item<float>()}");
                """);
            var result = Run("dotnet", $"run \"{program}\"", new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
            Assert.True(result.ExitCode == 0, result.Output);
            // [[1,2],[3,4]]² = [[7,10],[15,22]], which sums to 54.
            Assert.Matches(@"libtorch 2\.\d+\.\d+(\.\d+)? 54", result.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiLab.Torch.Native;

/// <summary>
/// Finds libailab_native.so for the P/Invokes: next to AiLab.Torch.dll (also when a notebook loads the
/// assembly with <c>#r</c> from another folder), in the app's base directory, or at <c>$AILAB_NATIVE</c>.
/// A missing shim or libtorch becomes a <see cref="DllNotFoundException"/> that says what to install.
/// </summary>
internal static class NativeLibraryLoader
{
    private const string FileName = "libailab_native.so";

    // A module initializer is the one hook that runs before the assembly's first P/Invoke.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static readonly Lock s_loadLock = new();
    private static IntPtr s_library;

    // The runtime may call this once per P/Invoke it binds: load (and set the default thread count)
    // only the first time, or a user's set_num_threads would be undone by the next new entry point.
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library) return IntPtr.Zero;
        lock (s_loadLock)
        {
            if (s_library == IntPtr.Zero) s_library = Load();
            return s_library;
        }
    }

    private static IntPtr Load()
    {
        var candidates = Candidates().Where(File.Exists).ToList();
        if (candidates.Count == 0)
            throw new DllNotFoundException(
                $"{FileName} was not found (looked in: {string.Join(", ", Candidates())}). " +
                "Build it with `make setup` (it needs Debian's libtorch-dev), or set AILAB_NATIVE to its path.");
        try
        {
            var handle = NativeLibrary.Load(candidates[0]);
            SetDefaultThreads(handle);
            return handle;
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"{candidates[0]} could not be loaded: {e.Message}. Is libtorch installed? (`apt-get install libtorch-dev libopenblas0-pthread`, or `make setup`)", e);
        }
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("AILAB_NATIVE") is { Length: > 0 } explicitPath) yield return explicitPath;
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir)) yield return Path.Combine(assemblyDir, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
    }

    // libtorch's default intra-op thread count can exceed the physical cores (hyper-threads slow
    // small ops down); PyTorch's own default is the physical core count.
    private static unsafe void SetDefaultThreads(IntPtr library)
    {
        var setThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "ailab_set_num_threads");
        setThreads(PhysicalCores.Count);
    }
}

using System.Reflection;
using System.Runtime.Loader;

namespace AiLab.Interactive;

/// <summary>
/// Lets Plotly.NET run in hosts that ship an older FSharp.Core than it was built against. The .NET Interactive
/// kernel (tool 1.0.712001) loads FSharp.Core 10.0; Plotly.NET 6 asks for 10.1 and fails with "Could not load file
/// or assembly FSharp.Core 10.1.0.0". Every FSharp.Core member Plotly.NET, DynamicObj and Giraffe use exists in
/// 10.0 (checked statically, and 19 chart kinds displayed), so the already-loaded copy is handed over.
/// </summary>
internal static class FSharpCoreBridge
{
    internal const string AssemblyName = "FSharp.Core";

    private static int installed;

    /// <summary>Adds the resolver to the default load context (once). It only acts when a load would otherwise fail.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += (_, requested) => Choose(requested, AppDomain.CurrentDomain.GetAssemblies());
    }

    /// <summary>
    /// The FSharp.Core to use for <paramref name="requested"/>: the newest already loaded one that is older than
    /// requested and of the same major version (FSharp.Core keeps compatibility within a major version);
    /// null (let the load fail as usual) for other assemblies or when none fits.
    /// </summary>
    internal static Assembly? Choose(AssemblyName requested, IEnumerable<Assembly> loaded)
    {
        if (!string.Equals(requested.Name, AssemblyName, StringComparison.OrdinalIgnoreCase) || requested.Version is not { } wanted) return null;
        return loaded
            .Select(assembly => (Assembly: assembly, Name: assembly.GetName()))
            .Where(a => string.Equals(a.Name.Name, AssemblyName, StringComparison.OrdinalIgnoreCase) && a.Name.Version is { } v && v.Major == wanted.Major && v < wanted)
            .OrderByDescending(a => a.Name.Version)
            .Select(a => a.Assembly)
            .FirstOrDefault();
    }
}

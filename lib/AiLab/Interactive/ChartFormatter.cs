using System.Reflection;
using AiLab.Charts;
using Plotly.NET;

namespace AiLab.Interactive;

/// <summary>
/// Registers a <c>text/html</c> formatter for <see cref="GenericChart"/> with the .NET Interactive kernel, so a chart
/// that ends a cell or is passed to <c>display(…)</c> shows as a plotly chart (see <see cref="ChartDisplay"/>), not
/// as an object tree. Through reflection, and only when the kernel's Microsoft.DotNet.Interactive.Formatting is in
/// the process: AiLab does not reference it, so it loads in plain programs and test hosts and never brings a
/// second copy of the kernel's own assembly.
/// </summary>
internal static class ChartFormatter
{
    internal const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    internal const string FormatterType = "Microsoft.DotNet.Interactive.Formatting.Formatter";

    private static int registered;

    /// <summary>Registers now if the kernel's formatting assembly is loaded, else as soon as it loads.</summary>
    public static void RegisterWhenKernelPresent()
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => { if (IsFormatting(e.LoadedAssembly)) Register(e.LoadedAssembly); };
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            if (IsFormatting(assembly)) Register(assembly);
    }

    /// <summary>Whether the formatter is registered in this process.</summary>
    internal static bool IsRegistered => Volatile.Read(ref registered) == 1;

    private static bool IsFormatting(Assembly assembly) => assembly.GetName().Name == FormattingAssembly;

    /// <summary>Calls <c>Formatter.Register(Type, Action&lt;object, TextWriter&gt;, string mimeType)</c> of <paramref name="formatting"/>.</summary>
    internal static void Register(Assembly formatting)
    {
        var register = formatting.GetType(FormatterType)?.GetMethod("Register", BindingFlags.Public | BindingFlags.Static,
            [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
        if (register is null || Interlocked.Exchange(ref registered, 1) == 1) return;
        Action<object, TextWriter> write = (chart, writer) => writer.Write(ChartDisplay.ToHtml((GenericChart)chart));
        register.Invoke(null, [typeof(GenericChart), write, "text/html"]);
    }
}

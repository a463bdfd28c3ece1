using System.Runtime.CompilerServices;

namespace AiLab.Interactive;

/// <summary>What AiLab sets up as soon as it is loaded (a notebook's <c>#r</c> calls nothing): the FSharp.Core bridge, then the chart formatter.</summary>
internal static class KernelIntegration
{
#pragma warning disable CA2255 // A module initializer in a library is the point here: notebooks load AiLab with #r and call no set-up.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        FSharpCoreBridge.Install();
        ChartFormatter.RegisterWhenKernelPresent();
    }
}

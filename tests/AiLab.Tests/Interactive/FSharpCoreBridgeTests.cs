using System.Reflection;
using AiLab.Interactive;

namespace AiLab.Tests.Interactive;

/// <summary>The resolver hands an older loaded FSharp.Core to a request for a newer one of the same major version, and nothing else.</summary>
public sealed class FSharpCoreBridgeTests
{
    private static readonly Assembly FSharpCore = typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly;
    private static readonly Version Loaded = FSharpCore.GetName().Version!;

    private static Assembly? Choose(string requested) => FSharpCoreBridge.Choose(new AssemblyName(requested), [typeof(object).Assembly, FSharpCore]);

    [Fact]
    public void TestHostLoadsFSharpCoreTen() => Assert.Equal(10, Loaded.Major);

    [Fact]
    public void NewerMinorRequested_GetsTheLoadedOlderCopy() =>
        Assert.Same(FSharpCore, Choose($"FSharp.Core, Version={Loaded.Major}.{Loaded.Minor + 1}.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));

    [Fact]
    public void SameOrOlderVersion_IsLeftToTheRuntime()
    {
        Assert.Null(Choose($"FSharp.Core, Version={Loaded}"));
        Assert.Null(Choose($"FSharp.Core, Version={Loaded.Major}.0.0.0"));
    }

    [Fact]
    public void OtherMajorVersionOrOtherAssembly_IsLeftToTheRuntime()
    {
        Assert.Null(Choose($"FSharp.Core, Version={Loaded.Major + 1}.0.0.0"));
        Assert.Null(Choose("Plotly.NET, Version=99.0.0.0"));
        Assert.Null(FSharpCoreBridge.Choose(new AssemblyName("FSharp.Core, Version=10.9.0.0"), [typeof(object).Assembly]));
    }
}

using System.Text.Json;

namespace AiLab.Torch.Tests;

/// <summary>libtorch keeps global state (seed, threads, grad mode): every torch test class joins this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}

internal static class TorchAssert
{
    /// <summary>Float32 ops on the same libtorch agree to rounding; allow a few ulps for SIMD paths.</summary>
    private const double RelativeTolerance = 1e-5;
    private const double AbsoluteTolerance = 1e-6;

    /// <summary>Checks shape, dtype and values against a fixture entry {shape, dtype, values}.</summary>
    internal static void Matches(JsonElement expected, Tensor actual, string what, double rtol = RelativeTolerance, double atol = AbsoluteTolerance)
    {
        var shape = expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.True(shape.SequenceEqual(actual.shape), $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", shape)}]");
        var dtype = expected.GetProperty("dtype").GetString();
        Assert.Equal($"torch.{dtype}", actual.dtype.ToTorchString());
        var values = expected.GetProperty("values").EnumerateArray().Select(ToDouble).ToArray();
        AssertClose(values, ToDoubles(actual), what, rtol, atol);
    }

    internal static double[] ToDoubles(Tensor t)
    {
        using var d = t.to(float64);
        return d.ToArray<double>();
    }

    internal static void AssertClose(double[] expected, double[] actual, string what, double rtol = RelativeTolerance, double atol = AbsoluteTolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            var e = expected[k];
            var a = actual[k];
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}[{k}]: expected NaN, got {a}"); continue; }
            if (double.IsInfinity(e)) { Assert.Equal(e, a); continue; }
            Assert.True(Math.Abs(e - a) <= atol + rtol * Math.Abs(e), $"{what}[{k}]: expected {e:R}, got {a:R}");
        }
    }

    private static double ToDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"unexpected fixture value {e}"),
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab;

/// <summary>
/// What every notebook's first cell and checks use: the device to run on, one seed for every random
/// source, and checks that fail loudly with the measured values.
/// </summary>
public static class Lab
{
    /// <summary>CUDA when this libtorch has it and a GPU is visible, otherwise the CPU.</summary>
    public static Device Device { get; } = torch.cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;

    /// <summary>A one-line description of where code runs: device, TorchSharp and libtorch versions, threads, .NET.</summary>
    /// <remarks>Calling it (or <see cref="Seed"/>) in a notebook's first cell also loads libtorch: TorchSharp does that in
    /// <c>torch</c>'s static constructor, which a later cell's module field initializers would otherwise bypass.</remarks>
    public static string Describe() =>
        $"device: {Device} · TorchSharp {TorchSharpVersion} · libtorch {torch.__version__} · {torch.get_num_threads()} intra-op threads · .NET {Environment.Version}";

    /// <summary>The TorchSharp package version this process loaded, e.g. "0.107.0".</summary>
    public static string TorchSharpVersion
    {
        get
        {
            var version = typeof(torch).Assembly.GetName().Version!;
            return $"{version.Major}.{version.Minor}.{version.Build}";
        }
    }

    /// <summary>The seed <see cref="Seed"/> set last (library code seeds its own generators from it).</summary>
    public static int CurrentSeed { get; private set; }

    /// <summary>Seeds libtorch (CPU and CUDA) and records the seed for library code that uses System.Random.</summary>
    public static void Seed(int seed)
    {
        torch.manual_seed(seed);
        CurrentSeed = seed;
    }

    /// <summary>
    /// Throws <see cref="CheckFailedException"/> when <paramref name="condition"/> is false. Put the measured
    /// numbers in <paramref name="message"/> (an interpolated string), so a failure says what was measured.
    /// </summary>
    public static void Check(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition) throw new CheckFailedException($"check failed: {message} [{expression}]");
        Console.WriteLine($"✓ {message}");
    }

    /// <summary>Checks |actual − expected| ≤ tolerance and reports both values.</summary>
    public static void CheckClose(double actual, double expected, double tolerance, string what)
    {
        var difference = Math.Abs(actual - expected);
        var text = string.Create(CultureInfo.InvariantCulture, $"{what}: {actual:G10} vs {expected:G10} (|Δ| = {difference:G3}, tolerance {tolerance:G3})");
        if (!(difference <= tolerance)) throw new CheckFailedException($"check failed: {text}");
        Console.WriteLine($"✓ {text}");
    }

    /// <summary>Runs <paramref name="action"/> and returns the elapsed wall time in seconds.</summary>
    public static double Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="function"/> and returns its result with the elapsed wall time in seconds.</summary>
    public static (T Result, double Seconds) Time<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var stopwatch = Stopwatch.StartNew();
        var result = function();
        return (result, stopwatch.Elapsed.TotalSeconds);
    }
}

/// <summary>A notebook claim that did not hold on the data.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

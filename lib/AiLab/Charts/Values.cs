using System.Collections;
using System.Text.Json.Nodes;
using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Charts;

/// <summary>
/// One column of trace data (x, y, text, colours): numbers, strings or dates. Arrays and lists convert
/// implicitly, so <c>Trace.Scatter(x: new[] { 1.0, 2.0 }, y: ys)</c> and <c>x: new[] { "a", "b" }</c> both work, and so
/// does a 1-D tensor (copied).
/// Non-finite numbers are written as <c>null</c>, which plotly.js draws as a gap.
/// </summary>
public readonly struct Values : IPlotlyValue
{
    private readonly IList? items;

    private Values(IList items) => this.items = items;

    /// <summary>Number of items.</summary>
    public int Count => items?.Count ?? 0;

    /// <summary>Values from any sequence (copied now, so later changes to the source do not leak into a figure).</summary>
    public static Values From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new Values(items.ToArray());
    }

    /// <summary>The numbers in this column, or an exception naming <paramref name="argument"/> when an item is not a number.</summary>
    internal double[] ToDoubles(string argument)
    {
        var result = new double[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items![i] switch
            {
                double d => d,
                float f => f,
                int n => n,
                long n => n,
                short n => n,
                byte n => n,
                decimal m => (double)m,
                var other => throw new ArgumentException($"{argument}[{i}] is {other?.GetType().Name ?? "null"}, not a number.", argument),
            };
        }
        return result;
    }

    /// <summary>The items at <paramref name="indices"/>, in that order.</summary>
    internal Values Subset(IEnumerable<int> indices)
    {
        var source = items ?? Array.Empty<object>();
        return new Values(indices.Select(i => source[i]).ToArray());
    }

    /// <summary>The items as display strings (numbers in invariant culture).</summary>
    internal string[] ToStrings()
    {
        var result = new string[Count];
        for (var i = 0; i < result.Length; i++) result[i] = Convert.ToString(items![i], System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return result;
    }

    JsonNode? IPlotlyValue.ToJsonNode() => PlotlyJson.ToNode(items ?? Array.Empty<double>());

    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(double[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(float[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(int[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(long[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(string[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(DateTime[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(DateOnly[] items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(List<double> items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(List<float> items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(List<int> items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(List<string> items) => new(Copy(items));
    /// <inheritdoc cref="From{T}(IEnumerable{T})"/>
    public static implicit operator Values(List<DateTime> items) => new(Copy(items));

    /// <summary>A copy of a 1-D tensor's values (shape (n) or (n, 1), any device and dtype) as numbers.</summary>
    public static implicit operator Values(Tensor tensor) => new(TensorArrays.Vector(tensor, nameof(tensor)));

    private static T[] Copy<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.ToArray();
    }
}

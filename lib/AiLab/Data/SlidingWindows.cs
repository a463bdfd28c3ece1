using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// Supervised windows cut from a series: each row of <see cref="Inputs"/> holds <c>inputLength</c> consecutive
/// values and the same row of <see cref="Targets"/> the <c>horizon</c> values that follow;
/// <see cref="TargetStarts"/> gives the series index of each row's first target.
/// </summary>
public sealed record WindowedSeries(double[,] Inputs, double[,] Targets, int[] TargetStarts)
{
    /// <summary>The inputs as a new float32 tensor, n × inputLength (<c>unsqueeze(-1)</c> adds an LSTM's feature dimension).</summary>
    public Tensor X => torch.tensor(Inputs, dtype: torch.float32);

    /// <summary>The targets as a new float32 tensor, n × horizon.</summary>
    public Tensor y => torch.tensor(Targets, dtype: torch.float32);
}

/// <summary>Sliding windows over time series and over token sequences.</summary>
public static class SlidingWindows
{
    /// <summary>
    /// All windows of <paramref name="inputLength"/> inputs followed by <paramref name="horizon"/> targets,
    /// starting every <paramref name="stride"/> steps from index 0, in time order. Windows never reach past
    /// the end, so a forecast never sees its own targets.
    /// </summary>
    public static WindowedSeries Create(IReadOnlyList<double> series, int inputLength, int horizon = 1, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        int span = inputLength + horizon;
        if (series.Count < span)
            throw new ArgumentException(
                $"The series has {series.Count} values; one window needs inputLength + horizon = {span}.", nameof(series));
        int count = (series.Count - span) / stride + 1;
        var inputs = new double[count, inputLength];
        var targets = new double[count, horizon];
        var targetStarts = new int[count];
        for (int w = 0; w < count; w++)
        {
            int start = w * stride;
            for (int t = 0; t < inputLength; t++)
                inputs[w, t] = series[start + t];
            for (int h = 0; h < horizon; h++)
                targets[w, h] = series[start + inputLength + h];
            targetStarts[w] = start + inputLength;
        }
        return new WindowedSeries(inputs, targets, targetStarts);
    }

    /// <summary>
    /// Overlapping chunks that cover a sequence of <paramref name="length"/> items: windows of
    /// <paramref name="size"/> starting every <paramref name="stride"/> items, plus a last window ending
    /// exactly at the end when the stride does not land there. A sequence shorter than one window gives
    /// one range over all of it. Use as <c>tokens[range]</c>.
    /// </summary>
    public static Range[] Spans(int length, int size, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (stride > size)
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"A stride larger than the window ({size}) would skip items.");
        if (length <= size)
            return [0..length];
        var spans = new List<Range>();
        int start = 0;
        for (; start + size < length; start += stride)
            spans.Add(start..(start + size));
        spans.Add((length - size)..length);
        return [.. spans];
    }
}

namespace AiLab.Metrics;

/// <summary>Image-quality metrics with scikit-image's semantics (<c>skimage.metrics</c>, version 0.19).</summary>
public static partial class Image
{
    /// <summary>
    /// Peak signal-to-noise ratio 10 · log₁₀(data_range² / MSE) in decibels, as
    /// <c>skimage.metrics.peak_signal_noise_ratio</c>. The images are compared element by element (flatten them in the
    /// same order). Without <paramref name="dataRange"/> the range is scikit-image's for floating-point images: 1
    /// when <paramref name="imageTrue"/> has no negative value, 2 (the span of [−1, 1]) otherwise, and values of
    /// <paramref name="imageTrue"/> outside [−1, 1] are an error. Identical images give +∞.
    /// </summary>
    /// <param name="imageTrue">Reference image, finite.</param>
    /// <param name="imageTest">Image to judge, same number of elements, finite.</param>
    /// <param name="dataRange">Distance between the smallest and largest possible pixel value (e.g. 255 for 8-bit), positive.</param>
    public static double PeakSignalNoiseRatio(ReadOnlySpan<double> imageTrue, ReadOnlySpan<double> imageTest, double? dataRange = null)
    {
        MetricArguments.Paired(imageTrue.Length, imageTest.Length, nameof(imageTrue), nameof(imageTest));
        MetricArguments.Finite(imageTrue, nameof(imageTrue));
        MetricArguments.Finite(imageTest, nameof(imageTest));
        double range = dataRange ?? DefaultFloatRange(imageTrue);
        if (!(range > 0) || !double.IsFinite(range))
            throw new ArgumentOutOfRangeException(nameof(dataRange), range, "must be a positive finite number.");
        double mse = Regression.MeanSquaredError(imageTrue, imageTest);
        return 10 * Math.Log10(range * range / mse);
    }

    private static double DefaultFloatRange(ReadOnlySpan<double> imageTrue)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in imageTrue)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min < -1 || max > 1)
            throw new ArgumentException(
                $"has values in [{min}, {max}], outside the [-1, 1] expected of a floating-point image; pass dataRange (e.g. 255 for 8-bit pixel values).",
                nameof(imageTrue));
        return min >= 0 ? 1.0 : 2.0;
    }
}

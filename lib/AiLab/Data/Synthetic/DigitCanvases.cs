namespace AiLab.Data;

/// <summary>
/// Seeded generator of detection data: blank canvases with a few real digit images pasted at random,
/// non-overlapping positions, and a tight box around each digit's ink (notebook 24).
/// </summary>
public static class DigitCanvases
{
    private const int PlacementAttempts = 100;
    private const int CanvasAttempts = 100;

    /// <summary>
    /// <paramref name="count"/> canvases of <paramref name="canvasSize"/> × <paramref name="canvasSize"/> pixels,
    /// each holding between <paramref name="minDigits"/> and <paramref name="maxDigits"/> images drawn at random
    /// from <paramref name="digits"/> (pass the training split to keep test digits out of training canvases),
    /// enlarged <paramref name="scale"/> times by pixel repetition and pasted so their footprints do not overlap.
    /// Each box is the tight bounding box of the digit's non-zero pixels, labelled with its class; outside the
    /// boxes the canvas is 0 before the optional Gaussian <paramref name="noise"/> (clipped to [0, 1]).
    /// </summary>
    /// <exception cref="InvalidOperationException">The digits do not fit on the canvas without overlapping.</exception>
    public static DetectionDataset Generate(ImageDataset digits, int count, int seed, int canvasSize = 32,
        int minDigits = 1, int maxDigits = 3, int scale = 1, double noise = 0)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDigits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDigits, minDigits);
        if (digits.Count == 0 || digits.Channels != 1)
            throw new ArgumentException("digits must hold at least one single-channel image.", nameof(digits));
        int footprintHeight = digits.Height * scale, footprintWidth = digits.Width * scale;
        if (canvasSize < Math.Max(footprintHeight, footprintWidth))
            throw new ArgumentOutOfRangeException(nameof(canvasSize), canvasSize,
                $"The canvas must hold one {footprintHeight} × {footprintWidth} digit.");
        if (!(noise >= 0))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a non-negative standard deviation.");

        var inkBounds = Enumerable.Range(0, digits.Count).Select(i => InkBounds(digits, i)).ToArray();
        int[] usable = [.. Enumerable.Range(0, digits.Count).Where(i => inkBounds[i] is not null)];
        if (usable.Length == 0)
            throw new ArgumentException("Every image in digits is blank.", nameof(digits));

        var random = new Random(seed);
        var images = new double[count, 1, canvasSize, canvasSize];
        var boxes = new double[count][,];
        var labels = new int[count][];
        var sources = new int[count][];
        for (int n = 0; n < count; n++)
        {
            int wanted = random.Next(minDigits, maxDigits + 1);
            var corners = PlaceFootprints(random, wanted, canvasSize, footprintHeight, footprintWidth);
            boxes[n] = new double[wanted, 4];
            labels[n] = new int[wanted];
            sources[n] = new int[wanted];
            for (int k = 0; k < wanted; k++)
            {
                int source = usable[random.Next(usable.Length)];
                var (top, left) = corners[k];
                for (int y = 0; y < footprintHeight; y++)
                    for (int x = 0; x < footprintWidth; x++)
                        images[n, 0, top + y, left + x] = digits.Images[source, 0, y / scale, x / scale];
                var (row1, col1, row2, col2) = inkBounds[source]!.Value;
                boxes[n][k, 0] = left + col1 * scale;
                boxes[n][k, 1] = top + row1 * scale;
                boxes[n][k, 2] = left + col2 * scale;
                boxes[n][k, 3] = top + row2 * scale;
                labels[n][k] = digits.Labels[source];
                sources[n][k] = source;
            }
            if (noise > 0)
                for (int y = 0; y < canvasSize; y++)
                    for (int x = 0; x < canvasSize; x++)
                        images[n, 0, y, x] = Math.Clamp(images[n, 0, y, x] + noise * random.NextGaussian(), 0, 1);
        }
        return new DetectionDataset(images, boxes, labels, sources, digits.ClassNames);
    }

    /// <summary>Top-left corners of <paramref name="wanted"/> non-overlapping footprints, retrying the whole canvas if stuck.</summary>
    private static (int Top, int Left)[] PlaceFootprints(Random random, int wanted, int canvasSize, int height, int width)
    {
        for (int canvasAttempt = 0; canvasAttempt < CanvasAttempts; canvasAttempt++)
        {
            var corners = new List<(int Top, int Left)>();
            for (int attempt = 0; attempt < PlacementAttempts && corners.Count < wanted; attempt++)
            {
                int top = random.Next(canvasSize - height + 1), left = random.Next(canvasSize - width + 1);
                if (corners.All(c => top + height <= c.Top || c.Top + height <= top || left + width <= c.Left || c.Left + width <= left))
                    corners.Add((top, left));
            }
            if (corners.Count == wanted)
                return [.. corners];
        }
        throw new InvalidOperationException(
            $"Could not place {wanted} digits of {height} × {width} pixels without overlap on a {canvasSize} × {canvasSize} canvas; " +
            "use a larger canvas, a smaller scale or fewer digits.");
    }

    /// <summary>Rows and columns [row1, row2) × [col1, col2) of the image's non-zero pixels, or null if it is blank.</summary>
    private static (int Row1, int Col1, int Row2, int Col2)? InkBounds(ImageDataset digits, int index)
    {
        int row1 = int.MaxValue, col1 = int.MaxValue, row2 = -1, col2 = -1;
        for (int y = 0; y < digits.Height; y++)
            for (int x = 0; x < digits.Width; x++)
                if (digits.Images[index, 0, y, x] > 0)
                {
                    row1 = Math.Min(row1, y);
                    col1 = Math.Min(col1, x);
                    row2 = Math.Max(row2, y + 1);
                    col2 = Math.Max(col2, x + 1);
                }
        return row2 < 0 ? null : (row1, col1, row2, col2);
    }
}

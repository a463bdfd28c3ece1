namespace AiLab.Data;

/// <summary>
/// Seeded generator of segmentation data: circles, rectangles and triangles of random size, position and
/// brightness on a noisy dark background, with exact per-pixel masks (notebook 23).
/// </summary>
public static class SyntheticShapes
{
    private const int PlacementAttempts = 100;

    /// <summary>
    /// <paramref name="count"/> images of <paramref name="size"/> × <paramref name="size"/> pixels, each with
    /// 1 to <paramref name="maxShapes"/> shapes (kinds equally likely) that do not overlap (their bounding
    /// boxes are at least one pixel apart) and lie inside the image. Shapes are filled with a brightness drawn
    /// from [0.5, 1]; every pixel then gets Gaussian noise of standard deviation <paramref name="noise"/> and
    /// is clipped to [0, 1]. The same seed gives the same data on every run.
    /// </summary>
    /// <remarks>
    /// A shape that finds no free place after a number of tries is left out, so crowded images (many shapes
    /// on a small size) may hold fewer than drawn; the first shape always fits.
    /// </remarks>
    public static SegmentationDataset Generate(int count, int seed, int size = 32, int maxShapes = 3, double noise = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxShapes, 1);
        if (!(noise >= 0))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a non-negative standard deviation.");
        var random = new Random(seed);
        var images = new double[count, 1, size, size];
        var masks = new int[count, size, size];
        var shapes = new IReadOnlyList<Shape>[count];
        for (int n = 0; n < count; n++)
        {
            var placed = new List<Shape>();
            int wanted = random.Next(1, maxShapes + 1);
            for (int s = 0; s < wanted; s++)
            {
                for (int attempt = 0; attempt < PlacementAttempts; attempt++)
                {
                    var shape = RandomShape(random, size);
                    if (placed.All(other => Apart(shape.Bounds, other.Bounds)))
                    {
                        placed.Add(shape);
                        Draw(shape, random.NextDouble(0.5, 1.0), n, images, masks);
                        break;
                    }
                }
            }
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    images[n, 0, y, x] = Math.Clamp(images[n, 0, y, x] + noise * random.NextGaussian(), 0, 1);
            shapes[n] = placed;
        }
        return new SegmentationDataset(images, masks, shapes);
    }

    /// <summary>A shape of random kind whose bounding box lies inside the image.</summary>
    private static Shape RandomShape(Random random, int size)
    {
        var kind = (ShapeKind)random.Next(1, 4);
        switch (kind)
        {
            case ShapeKind.Circle:
            {
                double radius = random.NextDouble(0.1 * size, 0.22 * size);
                return new CircleShape(random.NextDouble(radius, size - radius), random.NextDouble(radius, size - radius), radius);
            }
            case ShapeKind.Rectangle:
            {
                // Integer corners, so the rectangle covers whole pixels.
                int width = random.Next((int)(0.2 * size), (int)(0.45 * size) + 1);
                int height = random.Next((int)(0.2 * size), (int)(0.45 * size) + 1);
                int x1 = random.Next(0, size - width + 1), y1 = random.Next(0, size - height + 1);
                return new RectangleShape(x1, y1, x1 + width, y1 + height);
            }
            default:
            {
                // A jittered equilateral triangle around a centre, rotated at random.
                double radius = random.NextDouble(0.15 * size, 0.25 * size);
                double cx = random.NextDouble(radius, size - radius), cy = random.NextDouble(radius, size - radius);
                double rotation = random.NextDouble(0, 2 * Math.PI);
                double[] angles = [.. Enumerable.Range(0, 3).Select(k => rotation + 2 * Math.PI * k / 3 + random.NextDouble(-0.3, 0.3))];
                return new TriangleShape(
                    cx + radius * Math.Cos(angles[0]), cy + radius * Math.Sin(angles[0]),
                    cx + radius * Math.Cos(angles[1]), cy + radius * Math.Sin(angles[1]),
                    cx + radius * Math.Cos(angles[2]), cy + radius * Math.Sin(angles[2]));
            }
        }
    }

    private static bool Apart((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b) =>
        a.X2 + 1 <= b.X1 || b.X2 + 1 <= a.X1 || a.Y2 + 1 <= b.Y1 || b.Y2 + 1 <= a.Y1;

    private static void Draw(Shape shape, double brightness, int n, double[,,,] images, int[,,] masks)
    {
        int size = masks.GetLength(1);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                if (shape.Contains(x + 0.5, y + 0.5))
                {
                    images[n, 0, y, x] = brightness;
                    masks[n, y, x] = (int)shape.Kind;
                }
    }
}

using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class SyntheticShapesTests
{
    private static readonly SegmentationDataset Data = SyntheticShapes.Generate(200, seed: 5);

    [Fact]
    public void Generate_ShapesAndRange_AsRequested()
    {
        Assert.Equal(200, Data.Count);
        Assert.Equal((1, 32, 32), (Data.Images.GetLength(1), Data.Images.GetLength(2), Data.Images.GetLength(3)));
        Assert.All(Data.Shapes, shapes => Assert.InRange(shapes.Count, 1, 3));
        foreach (double pixel in Data.Images)
            Assert.InRange(pixel, 0, 1);
        // Every kind appears, in roughly equal numbers (600 draws at most, uniform over three kinds).
        var kinds = Data.Shapes.SelectMany(s => s).GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, kinds.Count);
        Assert.All(kinds.Values, n => Assert.InRange(n, 0.25 * kinds.Values.Sum(), 0.42 * kinds.Values.Sum()));
    }

    [Fact]
    public void Masks_PixelCountOfEachShape_MatchesItsGeometricArea()
    {
        for (int n = 0; n < Data.Count; n++)
        {
            foreach (var shape in Data.Shapes[n])
            {
                var (x1, y1, x2, y2) = shape.Bounds;
                int pixels = 0;
                // Pixels whose centres lie in the shape's bounds; other shapes' bounds are at least a pixel away.
                for (int y = (int)Math.Ceiling(y1 - 0.5); y <= (int)Math.Floor(y2 - 0.5); y++)
                    for (int x = (int)Math.Ceiling(x1 - 0.5); x <= (int)Math.Floor(x2 - 0.5); x++)
                        if (Data.Masks[n, y, x] == (int)shape.Kind)
                            pixels++;
                var (area, perimeter) = Geometry(shape);
                // Counting pixel centres errs by at most about half the perimeter for a convex shape.
                Assert.InRange(pixels, area - perimeter / 2 - 1, area + perimeter / 2 + 1);
                if (shape is RectangleShape)
                    Assert.Equal(area, pixels);
            }
        }
    }

    [Fact]
    public void Masks_BackgroundExactlyWhereNoShapeContainsThePixelCentre()
    {
        for (int n = 0; n < 20; n++)
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++)
                {
                    var owner = Data.Shapes[n].SingleOrDefault(s => s.Contains(x + 0.5, y + 0.5));
                    Assert.Equal(owner is null ? 0 : (int)owner.Kind, Data.Masks[n, y, x]);
                }
    }

    [Fact]
    public void Images_ShapesBrighterThanBackground()
    {
        double inside = 0, outside = 0;
        int insideCount = 0, outsideCount = 0;
        for (int n = 0; n < Data.Count; n++)
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++)
                    if (Data.Masks[n, y, x] == 0) { outside += Data.Images[n, 0, y, x]; outsideCount++; }
                    else { inside += Data.Images[n, 0, y, x]; insideCount++; }

        Assert.InRange(inside / insideCount, 0.65, 0.85); // brightness ~ U[0.5, 1], mean 0.75
        Assert.InRange(outside / outsideCount, 0.0, 0.1); // N(0, 0.1) clipped at 0 has mean 0.04
    }

    [Fact]
    public void Generate_SameSeed_IdenticalAndOtherSeedDiffers()
    {
        var again = SyntheticShapes.Generate(200, seed: 5);
        var other = SyntheticShapes.Generate(200, seed: 6);

        Assert.Equal(Data.Images, again.Images);
        Assert.Equal(Data.Masks, again.Masks);
        Assert.Equal(Data.Shapes.SelectMany(s => s), again.Shapes.SelectMany(s => s));
        Assert.NotEqual(Data.Masks, other.Masks);
    }

    [Fact]
    public void ForegroundMasks_OneWhereAnyShape()
    {
        var foreground = Data.ForegroundMasks();

        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
                Assert.Equal(Data.Masks[7, y, x] == 0 ? 0 : 1, foreground[7, 0, y, x]);
    }

    [Fact]
    public void Subset_TakesImagesMasksAndShapesTogether()
    {
        var subset = Data.Subset([9, 2]);

        Assert.Equal(Data.Shapes[9], subset.Shapes[0]);
        Assert.Equal(Data.Masks[2, 10, 10], subset.Masks[1, 10, 10]);
        Assert.Equal(Data.Images[9, 0, 3, 4], subset.Images[0, 0, 3, 4]);
    }

    private static (double Area, double Perimeter) Geometry(Shape shape) => shape switch
    {
        CircleShape c => (Math.PI * c.Radius * c.Radius, 2 * Math.PI * c.Radius),
        RectangleShape r => ((r.X2 - r.X1) * (r.Y2 - r.Y1), 2 * (r.X2 - r.X1 + r.Y2 - r.Y1)),
        TriangleShape t => (
            Math.Abs((t.BX - t.AX) * (t.CY - t.AY) - (t.CX - t.AX) * (t.BY - t.AY)) / 2,
            Math.Sqrt(Math.Pow(t.BX - t.AX, 2) + Math.Pow(t.BY - t.AY, 2))
            + Math.Sqrt(Math.Pow(t.CX - t.BX, 2) + Math.Pow(t.CY - t.BY, 2))
            + Math.Sqrt(Math.Pow(t.AX - t.CX, 2) + Math.Pow(t.AY - t.CY, 2))),
        _ => throw new ArgumentException(shape.ToString()),
    };
}

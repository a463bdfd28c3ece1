using AiLab.Data;

namespace AiLab.Tests.Data;

public sealed class DigitCanvasesTests
{
    private static readonly ImageDataset Digits = Datasets.Digits();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Generate_EachBox_HoldsItsDigitExactlyAndTouchesItsInk(int scale)
    {
        int size = 32 * scale;
        var canvases = DigitCanvases.Generate(Digits, 100, seed: 11, canvasSize: size, scale: scale);

        for (int n = 0; n < canvases.Count; n++)
        {
            var boxes = canvases.Boxes[n];
            Assert.InRange(boxes.GetLength(0), 1, 3);
            for (int k = 0; k < boxes.GetLength(0); k++)
            {
                int x1 = (int)boxes[k, 0], y1 = (int)boxes[k, 1], x2 = (int)boxes[k, 2], y2 = (int)boxes[k, 3];
                Assert.True(0 <= x1 && x1 < x2 && x2 <= size && 0 <= y1 && y1 < y2 && y2 <= size);
                int source = canvases.SourceIndices[n][k];
                Assert.Equal(Digits.Labels[source], canvases.Labels[n][k]);
                // Tight: every edge row and column of the box has ink.
                Assert.Contains(Enumerable.Range(x1, x2 - x1), x => canvases.Images[n, 0, y1, x] > 0);
                Assert.Contains(Enumerable.Range(x1, x2 - x1), x => canvases.Images[n, 0, y2 - 1, x] > 0);
                Assert.Contains(Enumerable.Range(y1, y2 - y1), y => canvases.Images[n, 0, y, x1] > 0);
                Assert.Contains(Enumerable.Range(y1, y2 - y1), y => canvases.Images[n, 0, y, x2 - 1] > 0);
                // The box holds the source image's ink, enlarged by pixel repetition.
                double inkInBox = 0;
                for (int y = y1; y < y2; y++)
                    for (int x = x1; x < x2; x++)
                        inkInBox += canvases.Images[n, 0, y, x];
                double sourceInk = 0;
                foreach (double pixel in Digits.Image(source))
                    sourceInk += pixel;
                Assert.Equal(sourceInk * scale * scale, inkInBox, 1e-9);
            }
        }
    }

    [Fact]
    public void Generate_NoNoise_CanvasIsBlankOutsideBoxes()
    {
        var canvases = DigitCanvases.Generate(Digits, 100, seed: 3);

        for (int n = 0; n < canvases.Count; n++)
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++)
                {
                    var boxes = canvases.Boxes[n];
                    bool inBox = Enumerable.Range(0, boxes.GetLength(0))
                        .Any(k => boxes[k, 0] <= x && x < boxes[k, 2] && boxes[k, 1] <= y && y < boxes[k, 3]);
                    if (!inBox)
                        Assert.Equal(0, canvases.Images[n, 0, y, x]);
                }
    }

    [Fact]
    public void Generate_BoxesOfOneCanvas_DoNotOverlap()
    {
        var canvases = DigitCanvases.Generate(Digits, 200, seed: 4, minDigits: 3, maxDigits: 3);

        foreach (var boxes in canvases.Boxes)
        {
            Assert.Equal(3, boxes.GetLength(0));
            for (int a = 0; a < 3; a++)
                for (int b = a + 1; b < 3; b++)
                    Assert.True(boxes[a, 2] <= boxes[b, 0] || boxes[b, 2] <= boxes[a, 0] || boxes[a, 3] <= boxes[b, 1] || boxes[b, 3] <= boxes[a, 1]);
        }
    }

    [Fact]
    public void Generate_SameSeed_IdenticalAndUsesOnlyGivenDigits()
    {
        var train = Digits.Subset([.. Enumerable.Range(0, 100)]);

        var a = DigitCanvases.Generate(train, 50, seed: 9, noise: 0.05);
        var b = DigitCanvases.Generate(train, 50, seed: 9, noise: 0.05);

        Assert.Equal(a.Images, b.Images);
        Assert.Equal(a.SourceIndices.SelectMany(s => s), b.SourceIndices.SelectMany(s => s));
        Assert.All(a.SourceIndices.SelectMany(s => s), index => Assert.InRange(index, 0, 99));
        foreach (double pixel in a.Images)
            Assert.InRange(pixel, 0, 1);
    }

    [Fact]
    public void Generate_DigitsCannotFit_ThrowsWithAdvice()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DigitCanvases.Generate(Digits, 1, seed: 0, canvasSize: 16, minDigits: 3, maxDigits: 3, scale: 2));

        Assert.Contains("use a larger canvas", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DigitCanvases.Generate(Digits, 1, seed: 0, canvasSize: 8, scale: 2));
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// Images with per-pixel class masks: <see cref="Images"/> N × 1 × H × W in [0, 1], <see cref="Masks"/> N × H × W
/// with 0 = background and <see cref="ShapeKind"/> values for the shapes, and the shapes drawn on each image.
/// </summary>
/// <remarks>
/// As tensors: <see cref="X"/> and <see cref="y"/> for a per-pixel cross-entropy, or
/// <c>torch.tensor(ForegroundMasks(), dtype: torch.float32)</c> (N × 1 × H × W) for a binary loss.
/// </remarks>
public sealed class SegmentationDataset
{
    /// <summary>Checks that images, masks and shape lists agree in count and size.</summary>
    public SegmentationDataset(double[,,,] images, int[,,] masks, IReadOnlyList<IReadOnlyList<Shape>> shapes)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(shapes);
        if (masks.GetLength(0) != images.GetLength(0) || masks.GetLength(1) != images.GetLength(2) || masks.GetLength(2) != images.GetLength(3))
            throw new ArgumentException("masks must be N × H × W for images N × C × H × W.", nameof(masks));
        DatasetChecks.SameCount(images.GetLength(0), shapes.Count, nameof(shapes));
        Images = images;
        Masks = masks;
        Shapes = shapes;
    }

    /// <summary>Class names by mask value.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["background", "circle", "rectangle", "triangle"];

    /// <summary>Pixels, N × 1 × H × W, in [0, 1].</summary>
    public double[,,,] Images { get; }

    /// <summary>Class of each pixel, N × H × W (0 = background, else the <see cref="ShapeKind"/> value).</summary>
    public int[,,] Masks { get; }

    /// <summary>The shapes drawn on each image.</summary>
    public IReadOnlyList<IReadOnlyList<Shape>> Shapes { get; }

    /// <summary>The images as a new float32 tensor, N × 1 × H × W, on the CPU (dispose it, or create it in a dispose scope).</summary>
    public Tensor X => torch.tensor(Images, dtype: torch.float32);

    /// <summary>The masks as a new int64 tensor, N × H × W, the target layout of a per-pixel cross-entropy.</summary>
    public Tensor y => torch.tensor(Masks, dtype: torch.int64);

    /// <summary>Number of images.</summary>
    public int Count => Images.GetLength(0);

    /// <summary>1 where any shape is, 0 on background: N × 1 × H × W.</summary>
    public double[,,,] ForegroundMasks()
    {
        var foreground = new double[Count, 1, Masks.GetLength(1), Masks.GetLength(2)];
        for (int n = 0; n < Count; n++)
            for (int y = 0; y < Masks.GetLength(1); y++)
                for (int x = 0; x < Masks.GetLength(2); x++)
                    foreground[n, 0, y, x] = Masks[n, y, x] == 0 ? 0 : 1;
        return foreground;
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public SegmentationDataset Subset(IReadOnlyList<int> indices) =>
        new(Images.TakeRows(indices), Masks.TakeRows(indices), Shapes.ToArray().TakeRows(indices));
}

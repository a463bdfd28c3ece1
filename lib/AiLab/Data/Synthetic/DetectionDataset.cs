using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// Images with labelled boxes, in torchvision's target layout: per image a K × 4 box matrix
/// (x1, y1, x2, y2 in pixels; x to the right, y down; x2 and y2 exclusive, so width = x2 − x1) and K labels.
/// </summary>
/// <remarks>As tensors: <see cref="X"/>; per image <c>torch.tensor(Boxes[i], dtype: torch.float32)</c> and <c>torch.tensor(Labels[i], dtype: torch.int64)</c>.</remarks>
public sealed class DetectionDataset
{
    /// <summary>Checks that every image has a box matrix, labels and sources of one length K.</summary>
    public DetectionDataset(double[,,,] images, IReadOnlyList<double[,]> boxes, IReadOnlyList<int[]> labels,
        IReadOnlyList<int[]> sourceIndices, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sourceIndices);
        int count = images.GetLength(0);
        DatasetChecks.SameCount(count, boxes.Count, nameof(boxes));
        DatasetChecks.SameCount(count, labels.Count, nameof(labels));
        DatasetChecks.SameCount(count, sourceIndices.Count, nameof(sourceIndices));
        for (int i = 0; i < count; i++)
        {
            if (boxes[i].GetLength(1) != 4)
                throw new ArgumentException($"boxes[{i}] is {boxes[i].GetLength(0)} × {boxes[i].GetLength(1)}, not K × 4.", nameof(boxes));
            DatasetChecks.SameCount(boxes[i].GetLength(0), labels[i].Length, $"{nameof(labels)}[{i}]");
            DatasetChecks.SameCount(boxes[i].GetLength(0), sourceIndices[i].Length, $"{nameof(sourceIndices)}[{i}]");
            DatasetChecks.Labels(labels[i], classNames);
        }
        Images = images;
        Boxes = boxes;
        Labels = labels;
        SourceIndices = sourceIndices;
        ClassNames = classNames;
    }

    /// <summary>Pixels, N × 1 × H × W, in [0, 1].</summary>
    public double[,,,] Images { get; }

    /// <summary>Per image, K × 4 boxes (x1, y1, x2, y2).</summary>
    public IReadOnlyList<double[,]> Boxes { get; }

    /// <summary>Per image, the K object classes (indices into <see cref="ClassNames"/>).</summary>
    public IReadOnlyList<int[]> Labels { get; }

    /// <summary>Per image, the index of each object's source image in the dataset the canvases were made from.</summary>
    public IReadOnlyList<int[]> SourceIndices { get; }

    /// <summary>Name of each class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The images as a new float32 tensor, N × 1 × H × W, on the CPU (dispose it, or create it in a dispose scope).</summary>
    public Tensor X => torch.tensor(Images, dtype: torch.float32);

    /// <summary>Number of images.</summary>
    public int Count => Images.GetLength(0);

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public DetectionDataset Subset(IReadOnlyList<int> indices) =>
        new(Images.TakeRows(indices), Boxes.ToArray().TakeRows(indices), Labels.ToArray().TakeRows(indices),
            SourceIndices.ToArray().TakeRows(indices), ClassNames);
}

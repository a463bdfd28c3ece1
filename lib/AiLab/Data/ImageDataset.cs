using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>Labelled images: an N × C × H × W array (PyTorch's layout) and N class labels.</summary>
public sealed class ImageDataset
{
    /// <summary>Checks that the shapes agree and every label names a class.</summary>
    public ImageDataset(string name, double[,,,] images, int[] labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        DatasetChecks.SameCount(images.GetLength(0), labels.Length, nameof(labels));
        DatasetChecks.Labels(labels, classNames);
        Name = name;
        Images = images;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>The dataset's name, e.g. "digits".</summary>
    public string Name { get; }

    /// <summary>Pixels, N × C × H × W.</summary>
    public double[,,,] Images { get; }

    /// <summary>Class of each image, an index into <see cref="ClassNames"/>.</summary>
    public int[] Labels { get; }

    /// <summary>Name of each class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The images as a new float32 tensor, N × C × H × W, on the CPU (dispose it, or create it in a dispose scope).</summary>
    public Tensor X => torch.tensor(Images, dtype: torch.float32);

    /// <summary>The labels as a new int64 tensor of length N, the dtype cross-entropy expects.</summary>
    public Tensor y => torch.tensor(Labels, dtype: torch.int64);

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Channels per image.</summary>
    public int Channels => Images.GetLength(1);

    /// <summary>Image height in pixels.</summary>
    public int Height => Images.GetLength(2);

    /// <summary>Image width in pixels.</summary>
    public int Width => Images.GetLength(3);

    /// <summary>How many images each class has.</summary>
    public int[] ClassCounts() => DatasetChecks.CountLabels(Labels, ClassCount);

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>One channel of image <paramref name="index"/> as an H × W array (rows top to bottom).</summary>
    public double[,] Image(int index, int channel = 0)
    {
        var image = new double[Height, Width];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                image[y, x] = Images[index, channel, y, x];
        return image;
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices) =>
        new(Name, Images.TakeRows(indices), Labels.TakeRows(indices), ClassNames);

    /// <summary>
    /// The images as flat feature vectors (N × C·H·W, row-major as numpy's <c>reshape</c>) with scikit-learn's
    /// pixel names (<c>pixel_{row}_{col}</c>, prefixed by the channel when there are several), for models
    /// that take tabular input.
    /// </summary>
    public ClassificationDataset Flatten()
    {
        int pixels = Channels * Height * Width;
        var features = new double[Count, pixels];
        Buffer.BlockCopy(Images, 0, features, 0, Images.Length * sizeof(double));
        string[] names = [.. Enumerable.Range(0, pixels).Select(i => Channels == 1
            ? $"pixel_{i / Width}_{i % Width}"
            : $"pixel_{i / (Height * Width)}_{i / Width % Height}_{i % Width}")];
        return new ClassificationDataset(Name, features, (int[])Labels.Clone(), names, ClassNames);
    }

    /// <summary>
    /// The images as a <see cref="DataFrame"/>: the pixel columns of <see cref="Flatten"/> (<c>pixel_0_0</c>…)
    /// then a string column "target" with each image's class name. A copy.
    /// </summary>
    public DataFrame ToDataFrame() => Flatten().ToDataFrame();
}

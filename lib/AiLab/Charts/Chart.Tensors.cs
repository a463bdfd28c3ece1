using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Charts;

// Thin tensor overloads: copy the tensor's values (any device or dtype) to arrays and draw the same chart.
// Matrices need none: Values2D converts from a 2-D tensor, so Heatmap, ShapBar, ShapBeeswarm and ImageWithBoxes take tensors.
public static partial class Chart
{
    /// <summary>As <see cref="Roc(int[], double[], string)"/>: labels (0/1) and scores of shape (n) or (n, 1).</summary>
    public static Figure Roc(Tensor labels, Tensor scores, string name = "model") =>
        Roc(TensorArrays.Labels(labels, nameof(labels)), TensorArrays.Vector(scores, nameof(scores)), name);

    /// <summary>As <see cref="PrecisionRecall(int[], double[], string)"/>: labels (0/1) and scores of shape (n) or (n, 1).</summary>
    public static Figure PrecisionRecall(Tensor labels, Tensor scores, string name = "model") =>
        PrecisionRecall(TensorArrays.Labels(labels, nameof(labels)), TensorArrays.Vector(scores, nameof(scores)), name);

    /// <summary>As <see cref="ConfusionMatrix(int[], int[], string[])"/>: true and predicted labels of shape (n) or (n, 1).</summary>
    public static Figure ConfusionMatrix(Tensor yTrue, Tensor yPred, string[]? classNames = null) =>
        ConfusionMatrix(TensorArrays.Labels(yTrue, nameof(yTrue)), TensorArrays.Labels(yPred, nameof(yPred)), classNames);

    /// <summary>As <see cref="Histogram(double[], string, int, HistNorm)"/>, for the values of a 1-D tensor.</summary>
    public static Figure Histogram(Tensor values, string? name = null, int bins = 30, HistNorm norm = HistNorm.Count) =>
        Histogram(TensorArrays.Vector(values, nameof(values)), name, bins, norm);

    /// <summary>
    /// As <see cref="ImageGrid(IReadOnlyList{double[,]}, string[], int, Colorscale, double?, double?, int)"/>, for a batch
    /// of grayscale images of shape (n, height, width) or (n, 1, height, width) — a model's input or a generator's output.
    /// </summary>
    public static Figure ImageGrid(Tensor images, string[]? captions = null, int columns = 8, Colorscale? colorscale = null,
        double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.shape;
        var (height, width) = shape switch
        {
            [_, var h, var w] => (h, w),
            [_, 1, var h, var w] => (h, w),
            _ => throw new ArgumentException($"images must have shape (n, height, width) or (n, 1, height, width); got [{string.Join(", ", shape)}].", nameof(images)),
        };
        using var values = images.to(ScalarType.Float64, CPU);
        return ImageGrid(values.data<double>().ToArray(), (int)height, (int)width, captions, columns, colorscale, vmin, vmax, tileSize);
    }
}

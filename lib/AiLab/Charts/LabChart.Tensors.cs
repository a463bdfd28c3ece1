using AiLab.Metrics;
using Plotly.NET;
using static TorchSharp.torch;

namespace AiLab.Charts;

// Thin tensor overloads: copy the tensor's values (any device or dtype) to arrays and draw the same chart.
public static partial class LabChart
{
    /// <summary>As <see cref="Roc(int[], double[], string)"/>: labels (0/1) and scores of shape (n) or (n, 1).</summary>
    public static GenericChart Roc(Tensor labels, Tensor scores, string name = "model") =>
        Roc(TensorArrays.Labels(labels, nameof(labels)), TensorArrays.Vector(scores, nameof(scores)), name);

    /// <summary>As <see cref="PrecisionRecall(int[], double[], string)"/>: labels (0/1) and scores of shape (n) or (n, 1).</summary>
    public static GenericChart PrecisionRecall(Tensor labels, Tensor scores, string name = "model") =>
        PrecisionRecall(TensorArrays.Labels(labels, nameof(labels)), TensorArrays.Vector(scores, nameof(scores)), name);

    /// <summary>As <see cref="ConfusionMatrix(int[], int[], string[])"/>: true and predicted labels of shape (n) or (n, 1).</summary>
    public static GenericChart ConfusionMatrix(Tensor yTrue, Tensor yPred, string[]? classNames = null) =>
        ConfusionMatrix(TensorArrays.Labels(yTrue, nameof(yTrue)), TensorArrays.Labels(yPred, nameof(yPred)), classNames);

    /// <summary>As <see cref="Heatmap(double[,], string[], string[], string, StyleParam.Colorscale, bool, string, double?, double?, string, string, string)"/>, for a 2-D tensor.</summary>
    public static GenericChart Heatmap(Tensor z, string[]? xLabels = null, string[]? yLabels = null, string? title = null,
        StyleParam.Colorscale? colorscale = null, bool annotate = false, string valueFormat = ".2f", double? zMin = null, double? zMax = null,
        string? colorbarTitle = null, string? xTitle = null, string? yTitle = null) =>
        Heatmap(TensorArrays.Matrix(z, nameof(z)), xLabels, yLabels, title, colorscale, annotate, valueFormat, zMin, zMax, colorbarTitle, xTitle, yTitle);

    /// <summary>As <see cref="ImageWithBoxes(double[,], IEnumerable{BoundingBox}, string, StyleParam.Colorscale, int)"/>, for a 2-D tensor.</summary>
    public static GenericChart ImageWithBoxes(Tensor image, IEnumerable<BoundingBox> boxes, string? title = null,
        StyleParam.Colorscale? colorscale = null, int size = 480) =>
        ImageWithBoxes(TensorArrays.Matrix(image, nameof(image)), boxes, title, colorscale, size);

    /// <summary>
    /// As <see cref="ImageGrid(IReadOnlyList{double[,]}, string[], int, StyleParam.Colorscale, double?, double?, int)"/>,
    /// for a batch of grayscale images of shape (n, height, width) or (n, 1, height, width) — a model's input or a
    /// generator's output.
    /// </summary>
    public static GenericChart ImageGrid(Tensor images, string[]? captions = null, int columns = 8, StyleParam.Colorscale? colorscale = null,
        double? vmin = null, double? vmax = null, int tileSize = 96)
    {
        ArgumentNullException.ThrowIfNull(images);
        var (height, width) = images.shape switch
        {
            [_, var h, var w] => (h, w),
            [_, 1, var h, var w] => (h, w),
            var shape => throw new ArgumentException($"images must have shape (n, height, width) or (n, 1, height, width); got [{string.Join(", ", shape)}].", nameof(images)),
        };
        var pixels = TensorArrays.Elements<double>(images, ScalarType.Float64);
        return ImageGrid(pixels, (int)height, (int)width, captions, columns, colorscale, vmin, vmax, tileSize);
    }

    /// <summary>As <see cref="ShapBar(double[,], string[], int)"/>, for φ as a (samples, features) tensor.</summary>
    public static GenericChart ShapBar(Tensor shapValues, string[] featureNames, int maxDisplay = 15) =>
        ShapBar(TensorArrays.Matrix(shapValues, nameof(shapValues)), featureNames, maxDisplay);

    /// <summary>As <see cref="ShapBeeswarm(double[,], double[,], string[], int)"/>, for φ and the inputs as (samples, features) tensors.</summary>
    public static GenericChart ShapBeeswarm(Tensor shapValues, Tensor featureValues, string[] featureNames, int maxDisplay = 15) =>
        ShapBeeswarm(TensorArrays.Matrix(shapValues, nameof(shapValues)), TensorArrays.Matrix(featureValues, nameof(featureValues)), featureNames, maxDisplay);
}

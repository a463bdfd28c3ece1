using AiLab.Charts;
using Plotly.NET;
using TorchSharp;
using static AiLab.Tests.Charts.ChartJson;

namespace AiLab.Tests.Charts;

/// <summary>Charts drawn from tensors (any dtype, with or without a channel axis) equal the charts drawn from the same values as arrays.</summary>
public sealed class TensorChartTests
{
    private static void AssertSameData(GenericChart expected, GenericChart actual) =>
        Assert.Equal(Figure(expected)["data"]!.ToJsonString(), Figure(actual)["data"]!.ToJsonString());

    [Fact]
    public void Roc_PrecisionRecall_ConfusionMatrix_FromTensorsEqualArrays()
    {
        int[] labels = [0, 0, 1, 1, 0, 1, 1, 0];
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2];
        using var labelTensor = torch.tensor(labels.Select(l => (long)l).ToArray());
        using var scoreTensor = torch.tensor(scores.Select(s => (float)s).ToArray(), [scores.Length, 1]);
        // float32 scores: compare with the values the tensor actually holds.
        var floatScores = scores.Select(s => (double)(float)s).ToArray();
        AssertSameData(LabChart.Roc(labels, floatScores, "m"), LabChart.Roc(labelTensor, scoreTensor, "m"));
        AssertSameData(LabChart.PrecisionRecall(labels, floatScores, "m"), LabChart.PrecisionRecall(labelTensor, scoreTensor, "m"));
        int[] predicted = [0, 1, 1, 1, 0, 0, 1, 0];
        using var predictedTensor = torch.tensor(predicted.Select(l => (long)l).ToArray());
        AssertSameData(LabChart.ConfusionMatrix(labels, predicted, ["no", "yes"]), LabChart.ConfusionMatrix(labelTensor, predictedTensor, ["no", "yes"]));
    }

    [Fact]
    public void ImageGrid_BatchTensorWithOrWithoutChannel_EqualsArrays()
    {
        double[] pixels = [0, 1, 2, 3, 4, 5, 6, 7];
        var expected = LabChart.ImageGrid(pixels, height: 2, width: 2, captions: ["a", "b"]);
        using var batch = torch.tensor(pixels.Select(p => (float)p).ToArray(), [2, 2, 2]);
        using var channels = torch.tensor(pixels, [2, 1, 2, 2]);
        AssertSameData(expected, LabChart.ImageGrid(batch, ["a", "b"]));
        AssertSameData(expected, LabChart.ImageGrid(channels, ["a", "b"]));
        using var rgb = torch.zeros(2, 3, 2, 2);
        Assert.Contains("(n, height, width)", Assert.Throws<ArgumentException>(() => LabChart.ImageGrid(rgb)).Message);
    }

    [Fact]
    public void MatrixCharts_TakeTwoDimensionalTensors()
    {
        var phi = new double[,] { { 0.5, -0.1 }, { -0.3, 0.1 } };
        using var tensor = torch.tensor(new[] { 0.5, -0.1, -0.3, 0.1 }, [2, 2]);
        AssertSameData(LabChart.Heatmap(phi, title: "φ"), LabChart.Heatmap(tensor, title: "φ"));
        AssertSameData(LabChart.ShapBar(phi, ["a", "b"]), LabChart.ShapBar(tensor, ["a", "b"]));
        using var cube = torch.zeros(2, 2, 2);
        Assert.Throws<ArgumentException>(() => LabChart.Heatmap(cube));
    }
}

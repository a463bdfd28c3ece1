using AiLab.Charts;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests.Charts;

/// <summary>Charts drawn from tensors equal the charts drawn from the same values as arrays.</summary>
public sealed class TensorChartTests
{
    private static void AssertSameJson(Figure expected, Figure actual) => Assert.Equal(expected.ToJson(), actual.ToJson());

    [Fact]
    public void Roc_PrecisionRecall_ConfusionMatrix_FromTensorsEqualArrays()
    {
        using var labels = torch.tensor(SampleFigures.Labels.Select(l => (long)l).ToArray());
        using var scores = torch.tensor(SampleFigures.ScoresA.Select(s => (float)s).ToArray(), [SampleFigures.ScoresA.Length, 1]);
        // float32 scores: compare with the arrays the tensor actually holds.
        var floatScores = SampleFigures.ScoresA.Select(s => (double)(float)s).ToArray();
        AssertSameJson(Chart.Roc(SampleFigures.Labels, floatScores, "m"), Chart.Roc(labels, scores, "m"));
        AssertSameJson(Chart.PrecisionRecall(SampleFigures.Labels, floatScores, "m"), Chart.PrecisionRecall(labels, scores, "m"));
        using var predicted = torch.tensor(new long[] { 0, 1, 1, 1, 0, 0, 1, 0 });
        AssertSameJson(Chart.ConfusionMatrix(SampleFigures.Labels, [0, 1, 1, 1, 0, 0, 1, 0], ["no", "yes"]),
            Chart.ConfusionMatrix(labels, predicted, ["no", "yes"]));
    }

    [Fact]
    public void MatrixCharts_TakeTwoDimensionalTensors()
    {
        using var shap = torch.tensor(SampleFigures.Shap);
        using var values = torch.tensor(SampleFigures.FeatureValues);
        AssertSameJson(Chart.ShapBar(SampleFigures.Shap, SampleFigures.Features), Chart.ShapBar(shap, SampleFigures.Features));
        AssertSameJson(Chart.ShapBeeswarm(SampleFigures.Shap, SampleFigures.FeatureValues, SampleFigures.Features),
            Chart.ShapBeeswarm(shap, values, SampleFigures.Features));
        AssertSameJson(Chart.Heatmap(SampleFigures.Shap, title: "φ"), Chart.Heatmap(shap, title: "φ"));
        using var vector = torch.tensor(new[] { 1.0, 2.0 });
        Assert.Equal("[1,2]", Trace.Scatter(vector, vector).Get("x")!.ToJsonString());
        using var cube = torch.zeros(2, 2, 2);
        Assert.Throws<ArgumentException>(() => Chart.Heatmap(cube));
    }

    [Fact]
    public void ImageGrid_BatchTensorWithOrWithoutChannel_EqualsArrays()
    {
        double[] pixels = [0, 1, 2, 3, 4, 5, 6, 7];
        var expected = Chart.ImageGrid(pixels, height: 2, width: 2, captions: ["a", "b"]);
        using var batch = torch.tensor(pixels.Select(p => (float)p).ToArray(), [2, 2, 2]);
        using var channels = torch.tensor(pixels, [2, 1, 2, 2]);
        AssertSameJson(expected, Chart.ImageGrid(batch, ["a", "b"]));
        AssertSameJson(expected, Chart.ImageGrid(channels, ["a", "b"]));
        using var rgb = torch.zeros(2, 3, 2, 2);
        Assert.Contains("(n, height, width)", Assert.Throws<ArgumentException>(() => Chart.ImageGrid(rgb)).Message);
    }

    [Fact]
    public void Histogram_FromTensorEqualsArray()
    {
        using var values = torch.tensor(new[] { 1.0, 2, 2, 3 });
        AssertSameJson(Chart.Histogram([1.0, 2, 2, 3], bins: 3), Chart.Histogram(values, bins: 3));
    }
}

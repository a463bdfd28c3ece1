using AiLab.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests.Data;

public sealed class TensorAccessorTests
{
    [Fact]
    public void ClassificationDataset_XAndY_Float32FeaturesAndInt64Labels()
    {
        var data = Datasets.Iris();
        using var scope = torch.NewDisposeScope();

        var x = data.X;
        var y = data.y;

        Assert.Equal([150L, 4], x.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.Equal((float)data.Features[149, 3], x.data<float>().ToArray()[149 * 4 + 3]);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.Equal(data.Labels.Select(l => (long)l), y.data<long>().ToArray());
    }

    [Fact]
    public void ImageAndSegmentationDatasets_X_KeepNchwLayout()
    {
        var digits = Datasets.Digits().Subset([0, 1, 2]);
        var shapes = SyntheticShapes.Generate(2, seed: 0);
        using var scope = torch.NewDisposeScope();

        Assert.Equal([3L, 1, 8, 8], digits.X.shape);
        Assert.Equal((float)digits.Images[2, 0, 5, 6], digits.X.data<float>().ToArray()[2 * 64 + 5 * 8 + 6]);
        Assert.Equal([2L, 1, 32, 32], shapes.X.shape);
        Assert.Equal([2L, 32, 32], shapes.y.shape);
        Assert.Equal(ScalarType.Int64, shapes.y.dtype);
    }

    [Fact]
    public void RegressionAndWindows_XAndY_Float32()
    {
        var diabetes = Datasets.Diabetes();
        var windows = SlidingWindows.Create([1.0, 2, 3, 4, 5], inputLength: 3, horizon: 2);
        using var scope = torch.NewDisposeScope();

        Assert.Equal([442L], diabetes.y.shape);
        Assert.Equal(ScalarType.Float32, diabetes.y.dtype);
        Assert.Equal([1f, 2, 3], windows.X.data<float>().ToArray());
        Assert.Equal([4f, 5], windows.y.data<float>().ToArray());
    }
}

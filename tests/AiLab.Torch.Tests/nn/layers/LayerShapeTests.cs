using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.nn.layers;

/// <summary>Output shapes against the documented Shape formulas, and parameter shapes and counts.</summary>
[Collection(TorchCollection.Name)]
public sealed class LayerShapeTests
{
    private static long ConvOut(long size, long kernel, long stride, long padding, long dilation) =>
        (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;

    private static long PoolOut(long size, long kernel, long stride, long padding, long dilation, bool ceil)
    {
        var span = size + 2 * padding - dilation * (kernel - 1) - 1;
        var output = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
        // With ceil_mode the last window must start inside the input or the left padding (PyTorch's pooling_output_shape).
        if (ceil && (output - 1) * stride >= size + padding) output--;
        return output;
    }

    public static TheoryData<long, long, long, long, long, long> ConvConfigs() => new()
    {
        // H, W, kernel, stride, padding, dilation
        { 8, 8, 3, 1, 0, 1 },
        { 8, 8, 3, 1, 1, 1 },
        { 9, 7, 3, 2, 1, 1 },
        { 10, 11, 5, 3, 2, 1 },
        { 12, 9, 3, 1, 2, 2 },
        { 7, 7, 7, 1, 0, 1 },
        { 16, 13, 4, 2, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(ConvConfigs))]
    public void Conv2d_OutputShape_FollowsFormula(long h, long w, long kernel, long stride, long padding, long dilation)
    {
        using var scope = NewDisposeScope();
        var conv = torch.nn.Conv2d(3, 5, kernel, stride: stride, padding: padding, dilation: dilation);
        var y = conv.forward(randn(2, 3, h, w));
        Assert.Equal([2L, 5, ConvOut(h, kernel, stride, padding, dilation), ConvOut(w, kernel, stride, padding, dilation)], y.shape);
        conv.Dispose();
    }

    [Theory]
    [MemberData(nameof(ConvConfigs))]
    public void Conv1d_OutputShape_FollowsFormula(long length, long unused, long kernel, long stride, long padding, long dilation)
    {
        _ = unused;
        using var scope = NewDisposeScope();
        using var conv = torch.nn.Conv1d(2, 4, kernel, stride: stride, padding: padding, dilation: dilation);
        Assert.Equal([3L, 4, ConvOut(length, kernel, stride, padding, dilation)], conv.forward(randn(3, 2, length)).shape);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 1)]
    public void Conv2d_SamePadding_KeepsSpatialSize(long kernel, long dilation)
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.Conv2d(2, 3, (kernel, kernel + 1), padding: "same", dilation: dilation);
        Assert.Equal([1L, 3, 9, 6], conv.forward(randn(1, 2, 9, 6)).shape);
        using var reflect = torch.nn.Conv2d(2, 3, kernel, padding: "same", dilation: dilation, padding_mode: "reflect");
        Assert.Equal([1L, 3, 9, 6], reflect.forward(randn(1, 2, 9, 6)).shape);
    }

    [Theory]
    [InlineData(5, 3, 1, 0, 0, 1)]
    [InlineData(5, 3, 2, 1, 1, 1)]
    [InlineData(4, 4, 2, 1, 0, 1)]
    [InlineData(6, 3, 3, 0, 2, 1)]
    [InlineData(5, 2, 2, 0, 1, 3)]
    public void ConvTranspose2d_OutputShape_FollowsFormula(long h, long kernel, long stride, long padding, long output_padding, long dilation)
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.ConvTranspose2d(3, 2, kernel, stride: stride, padding: padding, output_padding: output_padding, dilation: dilation);
        var expected = (h - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1;
        Assert.Equal([2L, 2, expected, expected], conv.forward(randn(2, 3, h, h)).shape);
    }

    [Fact]
    public void ConvTranspose2d_OutputSize_PicksAmongTheValidSizes()
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.ConvTranspose2d(1, 1, 3, stride: 2, padding: 1);
        var x = randn(1, 1, 4, 4);
        // A stride-2 convolution maps both 7 and 8 to 4: output_size chooses.
        Assert.Equal([1L, 1, 7, 8], conv.forward(x, [7, 8]).shape);
        Assert.Equal([1L, 1, 8, 7], conv.forward(x, [1, 1, 8, 7]).shape);
        var error = Assert.Throws<ArgumentException>(() => conv.forward(x, [9, 8]));
        Assert.Contains("valid sizes for dimension 0 range from 7 to 8", error.Message);
    }

    [Theory]
    [InlineData(8, 2, 2, 0, 1, false)]
    [InlineData(9, 3, 2, 1, 1, false)]
    [InlineData(9, 3, 2, 1, 1, true)]
    [InlineData(10, 3, 3, 0, 1, true)]
    [InlineData(11, 2, 2, 1, 2, true)]
    [InlineData(7, 3, 1, 1, 2, false)]
    [InlineData(5, 2, 2, 1, 1, true)]
    public void MaxPool2d_OutputShape_FollowsFormula(long h, long kernel, long stride, long padding, long dilation, bool ceil)
    {
        using var scope = NewDisposeScope();
        using var pool = torch.nn.MaxPool2d(kernel, stride: stride, padding: padding, dilation: dilation, ceil_mode: ceil);
        var expected = PoolOut(h, kernel, stride, padding, dilation, ceil);
        Assert.Equal([2L, 3, expected, expected], pool.forward(randn(2, 3, h, h)).shape);
        Assert.Equal([3L, expected, expected], pool.forward(randn(3, h, h)).shape);
    }

    [Theory]
    [InlineData(8, 2, 2, 0, false)]
    [InlineData(9, 3, 2, 1, false)]
    [InlineData(9, 3, 2, 1, true)]
    [InlineData(10, 3, 3, 0, true)]
    [InlineData(5, 2, 2, 1, true)]
    public void AvgPool2d_OutputShape_FollowsFormula(long h, long kernel, long stride, long padding, bool ceil)
    {
        using var scope = NewDisposeScope();
        using var pool = torch.nn.AvgPool2d(kernel, stride: stride, padding: padding, ceil_mode: ceil);
        var expected = PoolOut(h, kernel, stride, padding, 1, ceil);
        Assert.Equal([2L, 3, expected, expected], pool.forward(randn(2, 3, h, h)).shape);
    }

    [Fact]
    public void Pooling_StrideDefaultsToKernel()
    {
        using var max = torch.nn.MaxPool2d((2, 3));
        Assert.Equal("(2, 3)", max.stride.ToString());
        using var avg = torch.nn.AvgPool2d(4);
        Assert.Equal("4", avg.stride.ToString());
    }

    [Theory]
    [InlineData(7, 5, 3, 2)]
    [InlineData(8, 8, 1, 1)]
    [InlineData(3, 4, 5, 6)]
    public void AdaptiveAvgPool2d_OutputIsAlwaysTheTarget(long h, long w, long outH, long outW)
    {
        using var scope = NewDisposeScope();
        using var pool = torch.nn.AdaptiveAvgPool2d((outH, outW));
        Assert.Equal([2L, 3, outH, outW], pool.forward(randn(2, 3, h, w)).shape);
        using var square = torch.nn.AdaptiveAvgPool2d(outH);
        Assert.Equal([2L, 3, outH, outH], square.forward(randn(2, 3, h, w)).shape);
    }

    [Theory]
    [InlineData(3, 4, 2.0, "nearest")]
    [InlineData(5, 3, 1.5, "bilinear")]
    [InlineData(4, 4, 0.5, "bicubic")]
    [InlineData(7, 5, 2.5, "nearest-exact")]
    public void Upsample_ScaleFactor_GivesFloorOfScaledSize(long h, long w, double scale, string mode)
    {
        using var scope = NewDisposeScope();
        using var up = torch.nn.Upsample(scale_factor: scale, mode: mode);
        Assert.Equal([1L, 2, (long)Math.Floor(h * scale), (long)Math.Floor(w * scale)], up.forward(randn(1, 2, h, w)).shape);
    }

    [Fact]
    public void Conv2d_ParameterShapesAndCount()
    {
        using var conv = torch.nn.Conv2d(3, 8, 5);
        Assert.Equal([8L, 3, 5, 5], conv.weight.shape);
        Assert.Equal([8L], conv.bias!.shape);
        Assert.Equal(8 * 3 * 5 * 5 + 8, conv.num_parameters());

        using var grouped = torch.nn.Conv2d(6, 9, (3, 2), groups: 3, bias: false);
        Assert.Equal([9L, 2, 3, 2], grouped.weight.shape);
        Assert.Null(grouped.bias);
        Assert.Equal(["weight"], grouped.named_parameters().Select(p => p.name));
        Assert.Equal(9 * 2 * 3 * 2, grouped.num_parameters());

        using var conv1d = torch.nn.Conv1d(4, 2, 3);
        Assert.Equal([2L, 4, 3], conv1d.weight.shape);
        Assert.Equal(2 * 4 * 3 + 2, conv1d.num_parameters());
    }

    [Fact]
    public void ConvTranspose2d_WeightIsInChannelsFirst()
    {
        using var conv = torch.nn.ConvTranspose2d(6, 4, 3, groups: 2);
        Assert.Equal([6L, 2, 3, 3], conv.weight.shape);
        Assert.Equal(6 * 2 * 9 + 4, conv.num_parameters());
    }

    [Fact]
    public void Conv2d_DefaultInit_StaysWithinTheDocumentedBound()
    {
        using var conv = torch.nn.Conv2d(4, 16, 3, groups: 2);
        // k = groups / (C_in·kH·kW) = 2 / 36
        var bound = Math.Sqrt(2.0 / 36);
        Assert.All(TorchAssert.ToDoubles(conv.weight), v => Assert.InRange(Math.Abs(v), 0, bound));
        Assert.All(TorchAssert.ToDoubles(conv.bias!), v => Assert.InRange(Math.Abs(v), 0, bound));
        // 16·2·9 = 288 uniform draws: the largest comes close to the bound.
        Assert.True(TorchAssert.ToDoubles(conv.weight).Max(Math.Abs) > 0.9 * bound);
    }

    [Fact]
    public void BatchNorm2d_ParametersBuffersAndStateDictOrder()
    {
        using var bn = torch.nn.BatchNorm2d(5);
        Assert.Equal(10, bn.num_parameters());
        Assert.Equal(["weight", "bias"], bn.named_parameters().Select(p => p.name));
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], bn.named_buffers().Select(b => b.name));
        using (NewDisposeScope())
            Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], bn.state_dict().Keys);
        Assert.Equal(int64, bn.num_batches_tracked!.dtype);
        Assert.Equal([], bn.num_batches_tracked.shape);
        Assert.Equal(Enumerable.Repeat(1.0, 5), TorchAssert.ToDoubles(bn.weight!));
        Assert.Equal(Enumerable.Repeat(0.0, 5), TorchAssert.ToDoubles(bn.bias!));

        using var bare = torch.nn.BatchNorm1d(3, affine: false, track_running_stats: false);
        Assert.Equal(0, bare.num_parameters());
        Assert.Empty(bare.named_buffers());
    }

    [Fact]
    public void LayerNorm_ParameterShapes()
    {
        using var ln = torch.nn.LayerNorm((3, 4));
        Assert.Equal([3L, 4], ln.weight!.shape);
        Assert.Equal(24, ln.num_parameters());
        using var scope = NewDisposeScope();
        Assert.Equal([2L, 5, 3, 4], ln.forward(randn(2, 5, 3, 4)).shape);
    }

    [Fact]
    public void Embedding_ShapesAndPaddingRow()
    {
        using var scope = NewDisposeScope();
        using var emb = torch.nn.Embedding(7, 4, padding_idx: 3);
        Assert.Equal([7L, 4], emb.weight.shape);
        Assert.Equal(new double[4], TorchAssert.ToDoubles(emb.weight[3]));
        Assert.Equal([2L, 3, 5, 4], emb.forward(zeros([2, 3, 5], int64)).shape);

        using var bag = torch.nn.EmbeddingBag(7, 4);
        Assert.Equal([3L, 4], bag.forward(zeros([3, 5], int64)).shape);
        Assert.Equal([2L, 4], bag.forward(zeros([6], int64), tensor(new long[] { 0, 4 })).shape);
    }

    [Fact]
    public void Bilinear_ShapesAndCount()
    {
        using var scope = NewDisposeScope();
        using var layer = torch.nn.Bilinear(3, 4, 5);
        Assert.Equal([5L, 3, 4], layer.weight.shape);
        Assert.Equal(5 * 3 * 4 + 5, layer.num_parameters());
        Assert.Equal([2L, 6, 5], layer.forward(randn(2, 6, 3), randn(2, 6, 4)).shape);
    }
}

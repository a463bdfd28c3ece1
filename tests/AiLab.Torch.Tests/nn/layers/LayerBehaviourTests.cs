using AiLab.Torch.Modules;
using F = AiLab.Torch.torch.nn.functional;

namespace AiLab.Torch.Tests.nn.layers;

/// <summary>Training/eval behaviour, mathematical identities between the layers, a small CNN end to end, and errors.</summary>
[Collection(TorchCollection.Name)]
public sealed class LayerBehaviourTests
{
    [Fact]
    public void SmallCnn_ForwardBackwardAndSgd_ReduceTheLoss()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = torch.nn.Sequential(
            torch.nn.Conv2d(1, 4, 3, padding: 1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
            torch.nn.Flatten(),
            torch.nn.Linear(4 * 4 * 4, 3));
        var x = randn(16, 1, 8, 8);
        var target = randint(0, 3, [16, 1]);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 0.1);
        double Loss()
        {
            optimizer.zero_grad();
            var logits = model.forward(x);
            Assert.Equal([16L, 3], logits.shape);
            var loss = -logits.log_softmax(1).gather(1, target).mean();
            loss.backward();
            return loss.item<double>();
        }

        var first = Loss();
        Assert.All(model.named_parameters(), p => Assert.Equal(p.parameter.shape, p.parameter.grad!.shape));
        Assert.True(((Conv2d)model[0]).weight.grad!.abs().sum().item<double>() > 0, "the convolution receives gradient through the pooling");
        double last = first;
        for (var step = 0; step < 30; step++)
        {
            optimizer.step();
            last = Loss();
        }
        Assert.True(last < 0.5 * first, $"loss {first} → {last}");
    }

    [Fact]
    public void BatchNorm_EvalUsesRunningStatistics()
    {
        using var scope = NewDisposeScope();
        using var bn = torch.nn.BatchNorm1d(3, momentum: 0.3);
        var x = LayerFixtureTests.Wave(6, 3) * 4 + 2;
        bn.forward(x);
        // Running stats: 0.7·(0, 1) + 0.3·(batch mean, unbiased batch variance).
        TorchAssert.AssertClose(TorchAssert.ToDoubles(x.mean(0) * 0.3), TorchAssert.ToDoubles(bn.running_mean!), "running_mean");
        TorchAssert.AssertClose(TorchAssert.ToDoubles(x.var(0) * 0.3 + 0.7), TorchAssert.ToDoubles(bn.running_var!), "running_var");
        Assert.Equal(1, bn.num_batches_tracked!.item<long>());

        bn.eval();
        var y = bn.forward(x);
        var expected = (x - bn.running_mean!) / (bn.running_var! + 1e-5).sqrt();
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected), TorchAssert.ToDoubles(y), "eval output");
        Assert.Equal(1, bn.num_batches_tracked.item<long>());
    }

    [Fact]
    public void BatchNorm_TrainingNormalisesEachChannelOfTheBatch()
    {
        using var scope = NewDisposeScope();
        using var bn = torch.nn.BatchNorm2d(3);
        var y = bn.forward(LayerFixtureTests.Wave(4, 3, 5, 5) * 3 - 1);
        TorchAssert.AssertClose(new double[3], TorchAssert.ToDoubles(y.mean([0L, 2L, 3L])), "channel means", atol: 1e-6);
        TorchAssert.AssertClose([1, 1, 1], TorchAssert.ToDoubles(y.var([0L, 2L, 3L], unbiased: false)), "channel variances", rtol: 1e-3);
    }

    [Fact]
    public void BatchNorm_CumulativeAverage_IsTheMeanOfBatchStatistics()
    {
        using var scope = NewDisposeScope();
        using var bn = torch.nn.BatchNorm1d(2, momentum: null);
        Tensor[] batches = [LayerFixtureTests.Wave(5, 2), LayerFixtureTests.Wave([5, 2], 1.0, 3), LayerFixtureTests.Wave([5, 2], 2.0, 0.5)];
        foreach (var b in batches) bn.forward(b);
        var meanOfMeans = stack(batches.Select(b => b.mean(0)).ToArray()).mean(0);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(meanOfMeans), TorchAssert.ToDoubles(bn.running_mean!), "running_mean");
        Assert.Equal(3, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm_StateDictRoundTrip_CarriesRunningStatistics()
    {
        using var scope = NewDisposeScope();
        using var a = torch.nn.BatchNorm2d(2);
        a.forward(LayerFixtureTests.Wave(3, 2, 2, 2) + 1);
        using var b = torch.nn.BatchNorm2d(2);
        b.load_state_dict(a.state_dict());
        Assert.True(a.running_mean!.equal(b.running_mean!));
        Assert.True(a.running_var!.equal(b.running_var!));
        Assert.Equal(1, b.num_batches_tracked!.item<long>());

        b.to(float64);
        Assert.Equal(float64, b.running_mean!.dtype);
        Assert.Equal(int64, b.num_batches_tracked.dtype);
    }

    [Fact]
    public void ConvTranspose2d_IsTheAdjointOfConv2d()
    {
        // ⟨conv(x), y⟩ = ⟨x, conv_transpose(y)⟩ for the same weight, stride and padding.
        using var scope = NewDisposeScope();
        var weight = LayerFixtureTests.Wave([4, 3, 3, 3], 0.2, 1, float64);
        var x = LayerFixtureTests.Wave([2, 3, 7, 7], 0.5, 1, float64);
        var conv = F.conv2d(x, weight, stride: 2, padding: 1);
        var y = LayerFixtureTests.Wave(conv.shape, 1.3, 1, float64);
        var back = F.conv_transpose2d(y, weight, stride: 2, padding: 1);
        Assert.Equal(x.shape, back.shape);
        Assert.Equal((conv * y).sum().item<double>(), (x * back).sum().item<double>(), 1e-9);
    }

    [Fact]
    public void Conv2d_ReflectPadding_EqualsExplicitPadThenValidConvolution()
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.Conv2d(2, 3, 3, padding: (1, 2), padding_mode: "reflect");
        var x = randn(1, 2, 5, 6);
        var expected = F.conv2d(F.pad(x, [2, 2, 1, 1], mode: "reflect"), conv.weight, conv.bias);
        Assert.True(expected.allclose(conv.forward(x), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void AffineGrid_IdentityTheta_SamplesTheInputBack()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 4, 5);
        var identity = tensor(new[] { 1f, 0, 0, 0, 1, 0 }, [1, 2, 3]).expand(2, 2, 3);
        foreach (var align in new[] { false, true })
        {
            var grid = F.affine_grid(identity, [2, 3, 4, 5], align_corners: align);
            Assert.Equal([2L, 4, 5, 2], grid.shape);
            Assert.True(x.allclose(F.grid_sample(x, grid, align_corners: align), atol: 1e-5), $"align_corners={align}");
        }
    }

    [Fact]
    public void GridSample_TranslationByOnePixel_ShiftsTheImage()
    {
        using var scope = NewDisposeScope();
        var x = arange(20, dtype: float32).reshape(1, 1, 4, 5);
        // With align_corners, one pixel of a width-5 image is 2/4 in normalised units: x_in = x_out + 0.5 → shift left.
        var theta = tensor(new[] { 1f, 0, 0.5f, 0, 1, 0 }, [1, 2, 3]);
        var shifted = F.grid_sample(x, F.affine_grid(theta, [1, 1, 4, 5], align_corners: true), padding_mode: "zeros", align_corners: true);
        Assert.True(shifted[.., .., .., ..4].allclose(x[.., .., .., 1..], atol: 1e-5));
        Assert.True(shifted[.., .., .., 4].allclose(zeros(1, 1, 4), atol: 1e-5));
        var border = F.grid_sample(x, F.affine_grid(theta, [1, 1, 4, 5], align_corners: true), padding_mode: "border", align_corners: true);
        Assert.True(border[.., .., .., 4].allclose(x[.., .., .., 4], atol: 1e-5));
    }

    [Fact]
    public void MaxPool2dWithIndices_IndicesPointAtTheMaxima()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 6, 7);
        var (output, indices) = F.max_pool2d_with_indices(x, 2, stride: 2);
        Assert.True(output.equal(F.max_pool2d(x, 2)));
        var gathered = x.flatten(2).gather(2, indices.flatten(2)).reshape(output.shape);
        Assert.True(gathered.equal(output));
    }

    [Fact]
    public void Upsample_NearestScale2_RepeatsEveryPixel()
    {
        using var scope = NewDisposeScope();
        var x = randn(1, 2, 3, 4);
        using var up = torch.nn.Upsample(scale_factor: 2);
        Assert.True(up.forward(x).equal(x.repeat_interleave(2, 2).repeat_interleave(2, 3)));
        Assert.True(F.interpolate(x, size: 6, mode: "nearest")[.., .., .., ..].equal(F.interpolate(x, size: (6, 6))));
    }

    [Fact]
    public void AdaptiveAvgPool2d_ToOne_IsTheSpatialMean()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 5, 7);
        using var pool = torch.nn.AdaptiveAvgPool2d(1);
        Assert.True(pool.forward(x).flatten(1).allclose(x.mean([2L, 3L]), atol: 1e-6));
    }

    [Fact]
    public void Embedding_PaddingRow_GetsNoGradientAndStaysZero()
    {
        using var scope = NewDisposeScope();
        using var emb = torch.nn.Embedding(5, 3, padding_idx: 0);
        var optimizer = torch.optim.SGD(emb.parameters(), lr: 1);
        emb.forward(tensor(new long[] { 0, 1, 0, 4 })).pow(2).sum().backward();
        Assert.Equal(new double[3], TorchAssert.ToDoubles(emb.weight.grad![0]));
        Assert.True(emb.weight.grad[1].abs().sum().item<double>() > 0);
        optimizer.step();
        Assert.Equal(new double[3], TorchAssert.ToDoubles(emb.weight[0]));
    }

    [Fact]
    public void EmbeddingFromPretrained_SharesTheTensorAndFreezesByDefault()
    {
        using var scope = NewDisposeScope();
        var table = arange(12, dtype: float32).reshape(4, 3);
        using var frozen = torch.nn.Embedding_from_pretrained(table);
        Assert.False(frozen.weight.requires_grad);
        Assert.True(frozen.forward(tensor(new long[] { 2 })).equal(table[2].unsqueeze(0)));
        using (no_grad()) table[1].fill_(-1);
        Assert.Equal([-1.0, -1, -1], TorchAssert.ToDoubles(frozen.weight[1]));

        using var bag = torch.nn.EmbeddingBag_from_pretrained(table, freeze: false, mode: "sum");
        Assert.True(bag.weight.requires_grad);
        Assert.Equal([6.0 + 9, 7 + 10, 8 + 11], TorchAssert.ToDoubles(bag.forward(tensor(new long[,] { { 2, 3 } }))));
    }

    [Fact]
    public void EmbeddingBag_EmptyBagGivesZeros_AndModesAgreeWithManualReductions()
    {
        using var scope = NewDisposeScope();
        var table = LayerFixtureTests.Wave(6, 2);
        var input = tensor(new long[] { 1, 5, 2, 3, 3 });
        var offsets = tensor(new long[] { 0, 2, 2 });
        var rows = table[input];
        var sum = F.embedding_bag(input, table, offsets, mode: "sum");
        Assert.True(sum[0].allclose(rows[..2].sum(0)));
        Assert.Equal([0.0, 0], TorchAssert.ToDoubles(sum[1]));
        Assert.True(F.embedding_bag(input, table, offsets)[2].allclose(rows[2..].mean(0)));
        Assert.True(F.embedding_bag(input, table, offsets, mode: "max")[2].allclose(rows[2..].max(0).values));
    }

    [Fact]
    public void LayerNorm_NormalisesEachSampleOverTheTrailingDimensions()
    {
        using var scope = NewDisposeScope();
        using var ln = torch.nn.LayerNorm((2, 3));
        var y = ln.forward(LayerFixtureTests.Wave(4, 2, 3) * 5 + 3);
        TorchAssert.AssertClose(new double[4], TorchAssert.ToDoubles(y.mean([1L, 2L])), "sample means", atol: 1e-6);
        TorchAssert.AssertClose([1, 1, 1, 1], TorchAssert.ToDoubles(y.var([1L, 2L], unbiased: false)), "sample variances", rtol: 1e-3);
        ln.eval();
        Assert.True(y.equal(ln.forward(LayerFixtureTests.Wave(4, 2, 3) * 5 + 3)), "same computation in eval mode");
    }

    [Fact]
    public void DistanceFunctions_SatisfyTheirIdentities()
    {
        using var scope = NewDisposeScope();
        var x = randn(4, 5);
        TorchAssert.AssertClose([1, 1, 1, 1], TorchAssert.ToDoubles(F.normalize(x).norm(1)), "unit rows");
        TorchAssert.AssertClose([1, 1, 1, 1], TorchAssert.ToDoubles(F.cosine_similarity(x, x * 3)), "cos(x, 3x)");
        TorchAssert.AssertClose([-1, -1, -1, -1], TorchAssert.ToDoubles(torch.nn.CosineSimilarity().forward(x, -x)), "cos(x, -x)");
        var distances = torch.nn.PairwiseDistance(eps: 0).forward(x, x.flip(0));
        TorchAssert.AssertClose(TorchAssert.ToDoubles((x - x.flip(0)).norm(1)), TorchAssert.ToDoubles(distances), "pairwise");
        var all = cdist(x, x);
        TorchAssert.AssertClose([all[0, 1].item<float>(), all[0, 2].item<float>(), all[0, 3].item<float>(), all[1, 2].item<float>(), all[1, 3].item<float>(), all[2, 3].item<float>()],
            TorchAssert.ToDoubles(F.pdist(x)), "pdist is cdist's upper triangle", rtol: 1e-5, atol: 1e-5);
    }

    [Fact]
    public void Pad_ConstantReflectReplicate_OnASmallExample()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2, 3 }, [1, 1, 3]);
        Assert.Equal([9.0, 1, 2, 3, 9, 9], TorchAssert.ToDoubles(F.pad(x, [1, 2], value: 9)));
        Assert.Equal([3.0, 2, 1, 2, 3, 2], TorchAssert.ToDoubles(F.pad(x, [2, 1], mode: "reflect")));
        Assert.Equal([1.0, 1, 2, 3, 3, 3], TorchAssert.ToDoubles(F.pad(x, [1, 2], mode: "replicate")));
        Assert.Equal([3.0, 1, 2, 3, 1], TorchAssert.ToDoubles(F.pad(x, [1, 1], mode: "circular")));
    }

    [Fact]
    public void Reprs_OfParameterFreeModules()
    {
        Assert.Equal("PairwiseDistance()", torch.nn.PairwiseDistance().ToString().Split('\n')[0]);
        Assert.Equal("Upsample(size=None, mode=nearest)", new Upsample().ToString().Split('\n')[0]);
    }

    public static TheoryData<string, Action> InvalidArguments() => new()
    {
        { "in_channels (3) must be divisible by groups (2)", () => torch.nn.Conv2d(3, 4, 3, groups: 2) },
        { "out_channels (3) must be divisible by groups (2)", () => torch.nn.Conv2d(4, 3, 3, groups: 2) },
        { "padding='same' is not supported for strided convolutions", () => torch.nn.Conv2d(1, 1, 3, stride: 2, padding: "same") },
        { "Invalid padding string 'full'", () => torch.nn.Conv2d(1, 1, 3, padding: "full") },
        { "padding_mode must be one of", () => torch.nn.Conv2d(1, 1, 3, padding_mode: "mirror") },
        { "Only \"zeros\" padding mode is supported for ConvTranspose2d", () => torch.nn.ConvTranspose2d(1, 1, 3, padding_mode: "reflect") },
        { "kernel_size must be an int or a tuple of 2 ints, got (3, 3, 3)", () => torch.nn.Conv2d(1, 1, (3, 3, 3)) },
        { "kernel_size must be positive", () => torch.nn.Conv1d(1, 1, 0) },
        { "expected 4D input (got 3D input)", () => torch.nn.BatchNorm2d(2).forward(zeros(2, 2, 2)) },
        { "expected 2D or 3D input (got 4D input)", () => torch.nn.BatchNorm1d(2).forward(zeros(2, 2, 2, 2)) },
        { "Expected more than 1 value per channel when training", () => torch.nn.BatchNorm1d(2).forward(zeros(1, 2)) },
        { "padding_idx must be within num_embeddings (5)", () => torch.nn.Embedding(5, 2, padding_idx: 5) },
        { "mode has to be one of sum, mean or max", () => torch.nn.EmbeddingBag(5, 2, mode: "median") },
        { "if input is 2D, then offsets has to be null", () => torch.nn.EmbeddingBag(5, 2).forward(zeros([2, 2], int64), zeros([2], int64)) },
        { "offsets has to be a 1D Tensor but got null", () => torch.nn.EmbeddingBag(5, 2).forward(zeros([4], int64)) },
        { "per_sample_weights is only supported for mode='sum'", () => F.embedding_bag(zeros([2, 2], int64), ones(5, 2), per_sample_weights: ones(2, 2)) },
        { "only one of size or scale_factor should be defined", () => F.interpolate(zeros(1, 1, 2, 2), size: 4, scale_factor: 2) },
        { "either size or scale_factor should be defined", () => F.interpolate(zeros(1, 1, 2, 2)) },
        { "align_corners option can only be set with the interpolating modes", () => F.interpolate(zeros(1, 1, 2, 2), scale_factor: 2, align_corners: true) },
        { "Got 3D input, but bilinear mode needs 4D input", () => F.interpolate(zeros(1, 1, 2), scale_factor: 2, mode: "bilinear") },
        { "expected mode to be 'bilinear', 'nearest' or 'bicubic'", () => F.grid_sample(zeros(1, 1, 2, 2), zeros(1, 2, 2, 2), mode: "linear") },
        { "expected padding_mode to be 'zeros', 'border' or 'reflection'", () => F.grid_sample(zeros(1, 1, 2, 2), zeros(1, 2, 2, 2), padding_mode: "wrap") },
        { "Expected a batch of affine matrices of shape Nx2x3", () => F.affine_grid(zeros(1, 3, 3), [1, 1, 2, 2]) },
        { "padding length must be divisible by 2", () => F.pad(zeros(1, 3), [1, 2, 3]) },
        { "padding mode 'reflect' doesn't take a value", () => F.pad(zeros(1, 1, 3), [1, 1], mode: "reflect", value: 0) },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void InvalidArgument_ThrowsWithAClearMessage(string message, Action act)
    {
        using var scope = NewDisposeScope();
        var error = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ShapeMismatch_ThrowsTorchExceptionNamingTheOp()
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.Conv2d(3, 4, 3);
        var error = Assert.Throws<TorchException>(() => conv.forward(zeros(1, 2, 5, 5)));
        Assert.Contains("conv2d", error.Message);
        Assert.Contains("expected input[1, 2, 5, 5] to have 3 channels", error.Message);
    }
}

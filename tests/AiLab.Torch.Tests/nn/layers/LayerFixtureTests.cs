using System.Text.Json;
using AiLab.Torch.Modules;
using F = AiLab.Torch.torch.nn.functional;

namespace AiLab.Torch.Tests.nn.layers;

/// <summary>
/// Every layer against PyTorch on the same libtorch: Fixtures/layers.py seeded the generator, built each layer, ran it on
/// a deterministic input and backpropagated; each case below is the same construction in C#, and must reproduce the
/// initial parameters draw for draw, the outputs, the gradients, the buffers and the repr.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LayerFixtureTests
{
    private static readonly JsonElement Fixtures =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "layers.json"))).RootElement;

    private static readonly Tensor X1d = Wave(2, 3, 10);
    private static readonly Tensor X2d = Wave(2, 2, 7, 6);
    private static readonly Tensor X4c = Wave(2, 4, 9, 8);
    private static readonly Tensor Xp = Wave(2, 3, 9, 8);
    private static readonly Tensor Xu = Wave(1, 2, 3, 4);
    private static readonly Tensor Idx = tensor(new long[] { 1, 2, 4, 5, 4, 3, 2, 9 }, [2, 4]);
    private static readonly Tensor BagInput = tensor(new long[] { 1, 2, 4, 5, 4, 3, 2, 9, 0 });
    private static readonly Tensor BagOffsets = tensor(new long[] { 0, 2, 2, 6 });
    private static readonly Tensor Theta = tensor(new[] { 0.8f, -0.3f, 0.1f, 0.4f, 0.9f, -0.2f, 1.2f, 0.0f, 0.3f, 0.1f, 0.7f, 0.05f }, [2, 2, 3]);

    /// <summary>sin(0.37·k + phase)·scale over the flat index k, as layers.py's wave.</summary>
    internal static Tensor Wave(params long[] shape) => Wave(shape, 0);

    internal static Tensor Wave(long[] shape, double phase, double scale = 1, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var n = shape.Aggregate(1L, (a, b) => a * b);
        return ((arange(n, dtype: dtype) * 0.37 + phase).sin() * scale).reshape(shape).DetachFromDisposeScope();
    }

    private static readonly Dictionary<string, Func<Dictionary<string, Tensor>>> Cases = new()
    {
        ["conv1d_default"] = () => Seeded(() => torch.nn.Conv1d(3, 4, 3), X1d),
        ["conv1d_stride_padding_dilation"] = () => Seeded(() => torch.nn.Conv1d(3, 2, 2, stride: 2, padding: 1, dilation: 2, bias: false), X1d),
        ["conv1d_same_reflect"] = () => Seeded(() => torch.nn.Conv1d(3, 2, 4, padding: "same", padding_mode: "reflect"), X1d),
        ["conv2d_stride_padding"] = () => Seeded(() => torch.nn.Conv2d(2, 4, 3, stride: 2, padding: 1), X2d),
        ["conv2d_tuple_groups_dilation"] = () => Seeded(() => torch.nn.Conv2d(4, 6, (3, 2), stride: (2, 1), padding: (1, 0), dilation: (2, 1), groups: 2, bias: false), X4c),
        ["conv2d_same_even_kernel"] = () => Seeded(() => torch.nn.Conv2d(2, 3, (4, 3), padding: "same", dilation: (1, 2)), X2d),
        ["conv2d_valid"] = () => Seeded(() => torch.nn.Conv2d(2, 3, 3, padding: "valid"), X2d),
        ["conv2d_reflect"] = () => Seeded(() => torch.nn.Conv2d(2, 3, 3, padding: 2, padding_mode: "reflect"), X2d),
        ["conv2d_replicate"] = () => Seeded(() => torch.nn.Conv2d(2, 3, 3, padding: (1, 2), padding_mode: "replicate"), X2d),
        ["conv2d_circular"] = () => Seeded(() => torch.nn.Conv2d(2, 3, 3, stride: 2, padding: 1, padding_mode: "circular"), X2d),
        ["conv2d_unbatched"] = () => Seeded(() => torch.nn.Conv2d(2, 3, 2), Wave(2, 5, 4)),
        ["conv_transpose2d_output_padding"] = () => Seeded(() => torch.nn.ConvTranspose2d(2, 3, 3, stride: 2, padding: 1, output_padding: 1), X2d),
        ["conv_transpose2d_groups_dilation"] = () => Seeded(() => torch.nn.ConvTranspose2d(4, 2, (2, 3), stride: (1, 2), padding: (0, 1), groups: 2, dilation: (2, 1), bias: false), X4c),
        ["conv_transpose2d_output_size"] = () =>
        {
            manual_seed(0);
            var layer = Remember(torch.nn.ConvTranspose2d(2, 3, 3, stride: 2, padding: 1));
            return Record(layer, xs => layer.forward(xs[0], [14, 12]), [X2d], includeParameters: false);
        },

        ["max_pool2d_default"] = () => Seeded(() => torch.nn.MaxPool2d(2), Xp),
        ["max_pool2d_padding_ceil"] = () => Seeded(() => torch.nn.MaxPool2d(3, stride: 2, padding: 1, ceil_mode: true), Xp),
        ["max_pool2d_dilation_tuple"] = () => Seeded(() => torch.nn.MaxPool2d((2, 3), stride: (2, 1), dilation: (2, 1)), Xp),
        ["max_pool2d_indices"] = () =>
        {
            var (output, indices) = F.max_pool2d_with_indices(Xp, 3, stride: 2, padding: 1);
            return new() { ["output"] = output, ["indices"] = indices };
        },
        ["avg_pool2d_default"] = () => Seeded(() => torch.nn.AvgPool2d(2), Xp),
        ["avg_pool2d_exclude_pad_ceil"] = () => Seeded(() => torch.nn.AvgPool2d(3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false), Xp),
        ["avg_pool2d_divisor"] = () => Seeded(() => torch.nn.AvgPool2d((3, 2), stride: 1, padding: (1, 0), divisor_override: 2), Xp),
        ["adaptive_avg_pool2d_tuple"] = () => Seeded(() => torch.nn.AdaptiveAvgPool2d((4, 3)), Wave(2, 3, 7, 5)),
        ["adaptive_avg_pool2d_int"] = () => Seeded(() => torch.nn.AdaptiveAvgPool2d(1), Xp),

        ["batch_norm1d_2d_input"] = () => BatchNormSteps(torch.nn.BatchNorm1d(3), Wave(5, 3) * 2 + 1, Wave([5, 3], 0.3) - 1, Wave([4, 3], 0.7)),
        ["batch_norm1d_3d_input_cumulative"] = () => BatchNormSteps(torch.nn.BatchNorm1d(3, momentum: null, eps: 1e-3),
            Wave(2, 3, 4) * 3, Wave([2, 3, 4], 0.3) + 0.5, Wave([1, 3, 5], 0.7)),
        ["batch_norm2d_default"] = () => BatchNormSteps(torch.nn.BatchNorm2d(2), Wave(3, 2, 4, 5) * 2, Wave([3, 2, 4, 5], 1.3) + 1, Wave([2, 2, 3, 3], 0.2)),
        ["batch_norm2d_no_affine_momentum"] = () => BatchNormSteps(torch.nn.BatchNorm2d(2, momentum: 0.5, affine: false),
            Wave(3, 2, 4, 5), Wave([3, 2, 4, 5], 1.3) * 0.5, Wave([2, 2, 3, 3], 0.2)),
        ["batch_norm2d_untracked"] = () => BatchNormSteps(torch.nn.BatchNorm2d(2, track_running_stats: false),
            Wave(3, 2, 4, 5), Wave([3, 2, 4, 5], 1.3) * 0.5, Wave([2, 2, 3, 3], 0.2)),

        ["layer_norm_last_dim"] = () => LayerNormCase(torch.nn.LayerNorm(5), Wave(2, 3, 5) * 3),
        ["layer_norm_two_dims"] = () => LayerNormCase(torch.nn.LayerNorm((3, 5), eps: 1e-3), Wave(2, 3, 5) * 3 + 1),
        ["layer_norm_no_affine"] = () => LayerNormCase(torch.nn.LayerNorm(new long[] { 4 }, elementwise_affine: false), Wave(3, 4)),

        ["embedding_padding_idx"] = () => Seeded(() => torch.nn.Embedding(10, 3, padding_idx: 2), Idx),
        ["embedding_negative_padding_idx"] = () => Seeded(() => torch.nn.Embedding(10, 3, padding_idx: -1), Idx),
        ["embedding_max_norm"] = () =>
        {
            manual_seed(0);
            var layer = Remember(torch.nn.Embedding(10, 4, max_norm: 1.0));
            var initial = layer.weight.detach().clone();
            return new() { ["param.weight"] = initial, ["output"] = layer.forward(Idx), ["weight_after"] = layer.weight };
        },
        ["embedding_from_pretrained"] = () =>
        {
            var layer = Remember(torch.nn.Embedding_from_pretrained(Wave(5, 3), freeze: false, padding_idx: 0));
            return Record(layer, xs => layer.forward(xs[0]), [tensor(new long[] { 0, 3, 4, 0 })]);
        },
        ["embedding_bag_mean_offsets"] = () => SeededBag(() => torch.nn.EmbeddingBag(10, 3), BagInput, BagOffsets),
        ["embedding_bag_sum_weights"] = () => SeededBag(() => torch.nn.EmbeddingBag(10, 3, mode: "sum"), BagInput, BagOffsets, Wave([9], 0.4)),
        ["embedding_bag_max_2d"] = () => SeededBag(() => torch.nn.EmbeddingBag(10, 3, mode: "max"), Idx),
        ["embedding_bag_last_offset_padding"] = () => SeededBag(() => torch.nn.EmbeddingBag(10, 3, mode: "sum", include_last_offset: true, padding_idx: 4),
            BagInput, tensor(new long[] { 0, 2, 6, 9 })),

        ["upsample_nearest_scale"] = () => Seeded(() => torch.nn.Upsample(scale_factor: 2), Xu),
        ["upsample_nearest_size"] = () => Seeded(() => torch.nn.Upsample(size: (5, 7)), Xu),
        ["upsample_bilinear"] = () => Seeded(() => torch.nn.Upsample(scale_factor: 1.5, mode: "bilinear"), Xu),
        ["upsample_bilinear_align_corners"] = () => Seeded(() => torch.nn.Upsample(size: (5, 6), mode: "bilinear", align_corners: true), Xu),
        ["interpolate_bicubic_tuple_scale"] = () => Functional(xs => F.interpolate(xs[0], scale_factor: (2, 0.5), mode: "bicubic", align_corners: false), Xu),
        ["interpolate_nearest_exact"] = () => Functional(xs => F.interpolate(xs[0], size: (4, 6), mode: "nearest-exact"), Xu),
        ["interpolate_area"] = () => Functional(xs => F.interpolate(xs[0], scale_factor: 0.5, mode: "area"), Wave(1, 2, 6, 5)),
        ["interpolate_linear_1d"] = () => Functional(xs => F.interpolate(xs[0], scale_factor: 1.7, mode: "linear", recompute_scale_factor: true), Wave(2, 2, 5)),
        ["interpolate_trilinear"] = () => Functional(xs => F.interpolate(xs[0], size: (3, 4, 2), mode: "trilinear", align_corners: true), Wave(1, 1, 2, 3, 2)),
        ["interpolate_bilinear_antialias"] = () => Functional(xs => F.interpolate(xs[0], size: (3, 2), mode: "bilinear", antialias: true), Wave(1, 2, 7, 6)),

        ["bilinear_default"] = () => SeededPair(() => torch.nn.Bilinear(3, 4, 2), Wave(5, 3), Wave([5, 4], 0.5)),
        ["bilinear_no_bias"] = () => SeededPair(() => torch.nn.Bilinear(2, 3, 4, bias: false), Wave(2, 3, 2), Wave([2, 3, 3], 0.5)),
        ["pairwise_distance"] = () => Functional(xs => F.pairwise_distance(xs[0], xs[1]), Wave(4, 5), Wave([4, 5], 1.1)),
        ["pairwise_distance_p1_keepdim"] = () => Functional(xs => F.pairwise_distance(xs[0], xs[1], p: 1, eps: 1e-3, keepdim: true), Wave(4, 5), Wave([1, 5], 1.1)),
        ["cosine_similarity"] = () => Functional(xs => F.cosine_similarity(xs[0], xs[1]), Wave(4, 5), Wave([4, 5], 1.1)),
        ["cosine_similarity_dim0"] = () => Functional(xs => F.cosine_similarity(xs[0], xs[1], dim: 0, eps: 0.5), Wave(3, 2), Wave([3, 2], 2.0) * 0.1),
        ["normalize"] = () => Functional(xs => F.normalize(xs[0]), Wave(3, 4)),
        ["normalize_p1_dim0"] = () => Functional(xs => F.normalize(xs[0], p: 1, dim: 0), Wave(3, 4)),
        ["pdist"] = () => Functional(xs => F.pdist(xs[0]), Wave(4, 3)),

        ["pad_constant_negative"] = () => Functional(xs => F.pad(xs[0], [2, -1, 1, 0], value: 1.5), Wave(1, 2, 3, 4)),
        ["pad_reflect"] = () => Functional(xs => F.pad(xs[0], [2, 3, 1, 2], mode: "reflect"), Wave(1, 2, 3, 4)),
        ["pad_replicate"] = () => Functional(xs => F.pad(xs[0], [1, 0, 2, 3], mode: "replicate"), Wave(1, 2, 3, 4)),
        ["pad_circular"] = () => Functional(xs => F.pad(xs[0], [1, 2, 2, 1], mode: "circular"), Wave(1, 2, 3, 4)),
        ["pad_reflect_1d"] = () => Functional(xs => F.pad(xs[0], [3, 1], mode: "reflect"), Wave(2, 2, 5)),
        ["affine_grid"] = () => Functional(xs => F.affine_grid(xs[0], [2, 3, 4, 5], align_corners: false), Theta),
        ["affine_grid_align_corners"] = () => Functional(xs => F.affine_grid(xs[0], [2, 3, 4, 5], align_corners: true), Theta),

        ["init_conv2d_groups"] = () => InitOnly(() => torch.nn.Conv2d(6, 4, (3, 5), groups: 2)),
        ["init_conv_transpose2d"] = () => InitOnly(() => torch.nn.ConvTranspose2d(4, 6, 3, groups: 2)),
        ["init_embedding_bag_padding"] = () => InitOnly(() => torch.nn.EmbeddingBag(6, 2, mode: "max", padding_idx: -2)),
    };

    static LayerFixtureTests()
    {
        foreach (var mode in new[] { "bilinear", "nearest", "bicubic" })
            foreach (var padding in new[] { "zeros", "border", "reflection" })
                foreach (var align in new[] { false, true })
                    Cases[$"grid_sample_{mode}_{padding}_{(align ? "align" : "noalign")}"] = () =>
                        Functional(xs => F.grid_sample(xs[0], xs[1], mode, padding, align), Wave(2, 3, 5, 6), Wave([2, 4, 3, 2], 0.2, 1.3));
    }

    // Gradients of weights are float32 sums of ~100 terms of size ~1 that cancel to ~1e-2, so the summation order
    // (thread blocking, SIMD) moves them by a few 1e-6; everything else agrees to rounding.
    private const double Tolerance = 1e-5;

    // The module the last case built (for its repr); disposed by the test that ran the case.
    private static torch.nn.Module? s_lastBuilt;

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void Fixtures_CoverEveryCase() =>
        Assert.Equal(Fixtures.GetProperty("cases").EnumerateObject().Select(p => p.Name).Order(), Cases.Keys.Order());

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Layer_MatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var expected = Fixtures.GetProperty("cases").GetProperty(name);
        s_lastBuilt = null;
        var actual = Cases[name]();
        using var module = s_lastBuilt;
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), actual.Keys.Order());
        foreach (var entry in expected.EnumerateObject())
            TorchAssert.Matches(entry.Value, actual[entry.Name], $"{name}: {entry.Name}", rtol: 1e-5, atol: Tolerance);
    }

    public static TheoryData<string> ReprNames() => new(Fixtures.GetProperty("reprs").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ReprNames))]
    public void Repr_MatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        s_lastBuilt = null;
        Cases[name]();
        using var module = s_lastBuilt;
        Assert.NotNull(module);
        // ToString adds a parameter-count line after PyTorch's repr.
        Assert.Equal(Fixtures.GetProperty("reprs").GetProperty(name).GetString(), module.ToString().Split('\n')[0]);
    }

    // --- Mirrors of layers.py's helpers ------------------------------------------------------------------------------

    private static Dictionary<string, Tensor> Seeded<TModule>(Func<TModule> make, Tensor input) where TModule : torch.nn.Module<Tensor, Tensor>
    {
        manual_seed(0);
        var module = Remember(make());
        return Record(module, xs => module.forward(xs[0]), [input]);
    }

    private static Dictionary<string, Tensor> SeededPair<TModule>(Func<TModule> make, Tensor input1, Tensor input2) where TModule : torch.nn.Module<Tensor, Tensor, Tensor>
    {
        manual_seed(0);
        var module = Remember(make());
        return Record(module, xs => module.forward(xs[0], xs[1]), [input1, input2]);
    }

    private static Dictionary<string, Tensor> SeededBag(Func<EmbeddingBag> make, params Tensor[] inputs)
    {
        manual_seed(0);
        var bag = Remember(make());
        return Record(bag, xs => bag.forward(xs[0], xs.Length > 1 ? xs[1] : null, xs.Length > 2 ? xs[2] : null), inputs);
    }

    private static Dictionary<string, Tensor> InitOnly(Func<torch.nn.Module> make)
    {
        manual_seed(0);
        return Remember(make()).named_parameters().ToDictionary(p => $"param.{p.name}", p => (Tensor)p.parameter);
    }

    private static T Remember<T>(T module) where T : torch.nn.Module
    {
        s_lastBuilt = module;
        return module;
    }

    /// <summary>Initial parameters, output, input and parameter gradients of sum(output·wave(phase 1)), buffers after the pass.</summary>
    private static Dictionary<string, Tensor> Record(torch.nn.Module module, Func<Tensor[], Tensor> forward, Tensor[] inputs, bool includeParameters = true)
    {
        var result = new Dictionary<string, Tensor>();
        if (includeParameters)
            foreach (var (name, p) in module.named_parameters()) result[$"param.{name}"] = p.detach().clone();
        var xs = inputs.Select(x => x.clone().requires_grad_(x.is_floating_point())).ToArray();
        var y = forward(xs);
        result["output"] = y;
        Backprop(result, y, xs, module.named_parameters());
        foreach (var (name, b) in module.named_buffers()) result[$"buffer.{name}"] = b;
        return result;
    }

    private static Dictionary<string, Tensor> Functional(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var xs = inputs.Select(x => x.clone().requires_grad_(x.is_floating_point())).ToArray();
        var y = f(xs);
        var result = new Dictionary<string, Tensor> { ["output"] = y };
        Backprop(result, y, xs, []);
        return result;
    }

    private static void Backprop(Dictionary<string, Tensor> result, Tensor y, Tensor[] inputs, IEnumerable<(string name, torch.nn.Parameter parameter)> parameters)
    {
        (y * Wave(y.shape, 1.0)).sum().backward();
        for (var i = 0; i < inputs.Length; i++)
            if (inputs[i].grad is { } g) result[$"grad.input{i}"] = g;
        foreach (var (name, p) in parameters)
            if (p.grad is { } g) result[$"grad.{name}"] = g;
    }

    /// <summary>A non-trivial affine transform (γ, β), so the normalisation layers' affine path is exercised.</summary>
    private static void SetAffine(Tensor? weight, Tensor? bias)
    {
        if (weight is null || bias is null) return;
        using (no_grad())
        {
            weight.copy_(Wave(weight.shape, 0.5) + 1.5);
            bias.copy_(Wave(bias.shape, 2.0));
        }
    }

    /// <summary>Two training steps then an eval pass, with γ and β set to non-trivial values first.</summary>
    private static Dictionary<string, Tensor> BatchNormSteps(BatchNorm layer, Tensor xTrain, Tensor xTrain2, Tensor xEval)
    {
        Remember(layer);
        SetAffine(layer.weight, layer.bias);
        var result = new Dictionary<string, Tensor>();
        Tensor[] batches = [xTrain, xTrain2];
        for (var step = 0; step < batches.Length; step++)
        {
            var x = batches[step].clone().requires_grad_();
            var y = layer.forward(x);
            result[$"train{step}.output"] = y;
            (y * Wave(y.shape, 1.0)).sum().backward();
            result[$"train{step}.grad.input0"] = x.grad!;
            foreach (var (name, b) in layer.named_buffers()) result[$"train{step}.buffer.{name}"] = b.clone();
        }
        if (layer.affine)
        {
            result["grad.weight"] = layer.weight!.grad!;
            result["grad.bias"] = layer.bias!.grad!;
        }
        layer.eval();
        var xe = xEval.clone().requires_grad_();
        var ye = layer.forward(xe);
        result["eval.output"] = ye;
        (ye * Wave(ye.shape, 1.0)).sum().backward();
        result["eval.grad.input0"] = xe.grad!;
        return result;
    }

    private static Dictionary<string, Tensor> LayerNormCase(LayerNorm layer, Tensor input)
    {
        Remember(layer);
        SetAffine(layer.weight, layer.bias);
        return Record(layer, xs => layer.forward(xs[0]), [input]);
    }
}

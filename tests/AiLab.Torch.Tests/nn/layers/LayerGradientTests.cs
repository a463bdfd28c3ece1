using F = AiLab.Torch.torch.nn.functional;

namespace AiLab.Torch.Tests.nn.layers;

/// <summary>Autograd gradients of the layer ops against central finite differences in float64, for every input
/// (data, weights, running statistics are not differentiated).</summary>
[Collection(TorchCollection.Name)]
public sealed class LayerGradientTests
{
    private const double Step = 1e-6;
    private const double Tolerance = 1e-6;

    private static Tensor W(params long[] shape) => LayerFixtureTests.Wave(shape, 0.3, 1.0, float64);
    private static Tensor W2(double phase, params long[] shape) => LayerFixtureTests.Wave(shape, phase, 1.0, float64);

    // Each case: the function of its inputs and the inputs. Inputs are waves (no ties for max pooling, no sample exactly on
    // a pixel boundary for grid_sample), so the functions are smooth where they are evaluated.
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> F, Func<Tensor[]> Inputs)> Cases = new()
    {
        ["conv2d"] = (xs => F.conv2d(xs[0], xs[1], xs[2], stride: 2, padding: 1), () => [W(2, 2, 5, 4), W2(1.1, 3, 2, 3, 3), W2(2.0, 3)]),
        ["conv2d_groups_dilation"] = (xs => F.conv2d(xs[0], xs[1], null, padding: (2, 1), dilation: (2, 1), groups: 2), () => [W(1, 4, 5, 5), W2(0.7, 2, 2, 2, 3)]),
        ["conv1d_same"] = (xs => F.conv1d(xs[0], xs[1], null, padding: "same"), () => [W(2, 2, 6), W2(0.9, 3, 2, 4)]),
        ["conv_transpose2d"] = (xs => F.conv_transpose2d(xs[0], xs[1], xs[2], stride: 2, padding: 1, output_padding: 1), () => [W(1, 2, 3, 3), W2(0.4, 2, 3, 3, 3), W2(1.5, 3)]),
        ["max_pool2d"] = (xs => F.max_pool2d(xs[0], 3, stride: 2, padding: 1), () => [W(2, 2, 5, 6)]),
        ["max_pool2d_dilation_ceil"] = (xs => F.max_pool2d(xs[0], 2, stride: 2, dilation: 2, ceil_mode: true), () => [W(1, 2, 7, 6)]),
        ["avg_pool2d"] = (xs => F.avg_pool2d(xs[0], 3, stride: 2, padding: 1, count_include_pad: false), () => [W(1, 2, 5, 6)]),
        ["adaptive_avg_pool2d"] = (xs => F.adaptive_avg_pool2d(xs[0], (3, 2)), () => [W(1, 2, 5, 7)]),
        ["batch_norm_training"] = (xs => F.batch_norm(xs[0], null, null, xs[1], xs[2], training: true), () => [W(4, 3, 2, 2), W2(0.8, 3), W2(1.6, 3)]),
        ["batch_norm_eval"] = (xs => F.batch_norm(xs[0], W2(2.2, 3), W2(0.1, 3).abs() + 0.5, xs[1], xs[2]), () => [W(4, 3, 2), W2(0.8, 3), W2(1.6, 3)]),
        ["layer_norm"] = (xs => F.layer_norm(xs[0], [2, 3], xs[1], xs[2]), () => [W(3, 2, 3), W2(0.8, 2, 3), W2(1.6, 2, 3)]),
        ["grid_sample_bilinear_zeros"] = (xs => F.grid_sample(xs[0], xs[1], align_corners: false), () => [W(1, 2, 4, 5), W2(0.2, 1, 3, 3, 2) * 1.2]),
        ["grid_sample_bilinear_border_align"] = (xs => F.grid_sample(xs[0], xs[1], padding_mode: "border", align_corners: true), () => [W(1, 2, 4, 5), W2(0.2, 1, 3, 3, 2) * 1.2]),
        ["grid_sample_nearest_input"] = (xs => F.grid_sample(xs[0], W2(0.2, 1, 3, 3, 2), mode: "nearest", align_corners: false), () => [W(1, 2, 4, 5)]),
        ["affine_grid_then_sample"] = (xs => F.grid_sample(xs[0], F.affine_grid(xs[1], [1, 2, 3, 4], align_corners: false), align_corners: false),
            () => [W(1, 2, 4, 5), tensor(new[] { 0.9, -0.2, 0.13, 0.3, 0.8, -0.07 }, [1, 2, 3])]),
        ["interpolate_bilinear"] = (xs => F.interpolate(xs[0], scale_factor: 1.5, mode: "bilinear"), () => [W(1, 2, 3, 4)]),
        ["interpolate_bicubic_align"] = (xs => F.interpolate(xs[0], size: (5, 3), mode: "bicubic", align_corners: true), () => [W(1, 1, 3, 4)]),
        ["pad_reflect"] = (xs => F.pad(xs[0], [2, 1, 1, 2], mode: "reflect"), () => [W(1, 2, 3, 4)]),
        ["embedding_bag_mean_weight"] = (xs => F.embedding_bag(tensor(new long[] { 1, 2, 1, 0, 3 }), xs[0], tensor(new long[] { 0, 2 })), () => [W(4, 3)]),
        ["embedding_bag_sum_per_sample_weights"] = (xs => F.embedding_bag(tensor(new long[] { 1, 2, 1, 0, 3 }), xs[0], tensor(new long[] { 0, 2 }), mode: "sum", per_sample_weights: xs[1]),
            () => [W(4, 3), W2(0.5, 5)]),
        ["bilinear"] = (xs => F.bilinear(xs[0], xs[1], xs[2], xs[3]), () => [W(3, 2), W2(0.6, 3, 4), W2(1.2, 2, 2, 4), W2(1.9, 2)]),
        ["cosine_similarity"] = (xs => F.cosine_similarity(xs[0], xs[1]), () => [W(3, 4), W2(0.6, 3, 4)]),
        ["pairwise_distance"] = (xs => F.pairwise_distance(xs[0], xs[1], p: 3), () => [W(3, 4), W2(0.6, 3, 4)]),
        ["normalize"] = (xs => F.normalize(xs[0], dim: 0), () => [W(3, 4)]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Gradient_MatchesFiniteDifferences(string name)
    {
        using var scope = NewDisposeScope();
        var (f, makeInputs) = Cases[name];
        FiniteDifferences.AssertGradientsMatch(f, makeInputs(), Step, Tolerance, name);
    }
}

/// <summary>Checks autograd against central differences: for y = f(inputs), the gradient of Σ y·w (w a fixed wave, so
/// every output element matters) with respect to every entry of every input.</summary>
internal static class FiniteDifferences
{
    internal static void AssertGradientsMatch(Func<Tensor[], Tensor> f, Tensor[] inputs, double step, double tolerance, string what)
    {
        var leaves = inputs.Select(x => x.detach().requires_grad_()).ToArray();
        var y = f(leaves);
        var weights = LayerFixtureTests.Wave(y.shape, 1.0, 1.0, float64);
        (y * weights).sum().backward();

        using (no_grad())
        {
            for (var i = 0; i < leaves.Length; i++)
            {
                var analytic = leaves[i].grad!.ToArray<double>();
                var values = leaves[i].detach().ToArray<double>();
                var numeric = new double[values.Length];
                for (var k = 0; k < values.Length; k++)
                {
                    double At(double delta)
                    {
                        using var scope = NewDisposeScope();
                        var shifted = (double[])values.Clone();
                        shifted[k] += delta;
                        var args = leaves.Select(l => l.detach()).ToArray();
                        args[i] = tensor(shifted, leaves[i].shape);
                        return (f(args) * weights).sum().item<double>();
                    }
                    numeric[k] = (At(step) - At(-step)) / (2 * step);
                }
                TorchAssert.AssertClose(numeric, analytic, $"{what}: d/d input{i}", rtol: tolerance, atol: tolerance);
            }
        }
    }
}

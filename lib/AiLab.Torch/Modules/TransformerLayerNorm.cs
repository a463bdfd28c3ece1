using System.Globalization;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules;

/// <summary>
/// Layer normalisation over the last dimension, (x − mean) / √(var + eps)·weight + bias, with weight = 1 and bias = 0
/// initially — the part of <c>nn.LayerNorm</c> the transformer layers need, written here so they do not wait for it.
/// NOTE: when the general <c>nn.LayerNorm</c> module lands, use it for norm1/norm2 and delete this class.
/// </summary>
internal sealed class TransformerLayerNorm : nn.Module<Tensor, Tensor>
{
    private static readonly Op s_layer_norm = new("aten::layer_norm");

    internal TransformerLayerNorm(long normalized_shape, double eps, Device? device, ScalarType? dtype) : base("LayerNorm")
    {
        this.normalized_shape = normalized_shape;
        this.eps = eps;
        weight = new nn.Parameter(ones([normalized_shape], dtype, device));
        bias = new nn.Parameter(zeros([normalized_shape], dtype, device));
        RegisterComponents();
    }

    internal long normalized_shape { get; }
    internal double eps { get; }
    internal nn.Parameter weight { get; }
    internal nn.Parameter bias { get; }

    public override Tensor forward(Tensor input) => s_layer_norm.Call(input, new[] { normalized_shape }, weight, bias, eps, true);

    protected override string extra_repr() =>
        $"({normalized_shape},), eps={eps.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e')}, elementwise_affine=True";
}

using AiLab.Torch.Native;

namespace AiLab.Torch;

// Non-linear activations as tensor methods (also under torch.nn.functional):
// https://pytorch.org/docs/stable/nn.functional.html#non-linear-activation-functions
public partial class Tensor
{
    private static readonly Op s_relu = new("aten::relu"), s_relu_ = new("aten::relu_");
    private static readonly Op s_gelu = new("aten::gelu");
    private static readonly Op s_leaky_relu = new("aten::leaky_relu");
    private static readonly Op s_elu = new("aten::elu");
    private static readonly Op s_silu = new("aten::silu");
    private static readonly Op s_softplus = new("aten::softplus");
    private static readonly Op s_softmax = new("aten::softmax", "int");
    private static readonly Op s_log_softmax = new("aten::log_softmax", "int");

    /// <summary>max(0, x). NOTE: its gradient at exactly 0 is 0, as in PyTorch.</summary>
    public Tensor relu() => s_relu.Call(this);
    /// <summary>In-place relu.</summary>
    public Tensor relu_() { s_relu_.CallInPlace(this); return this; }
    /// <summary>x·Φ(x); <paramref name="approximate"/> "tanh" uses the tanh approximation.</summary>
    public Tensor gelu(string approximate = "none") => s_gelu.Call(this, approximate);
    /// <summary>x for x ≥ 0, negative_slope·x otherwise.</summary>
    public Tensor leaky_relu(double negative_slope = 0.01) => s_leaky_relu.Call(this, negative_slope);
    /// <summary>x for x &gt; 0, alpha·(eˣ − 1) otherwise.</summary>
    public Tensor elu(double alpha = 1.0) => s_elu.Call(this, alpha);
    /// <summary>x·sigmoid(x) (swish).</summary>
    public Tensor silu() => s_silu.Call(this);
    /// <summary>log(1 + e^(beta·x)) / beta, linear above <paramref name="threshold"/>.</summary>
    public Tensor softplus(double beta = 1, double threshold = 20) => s_softplus.Call(this, beta, threshold);
    /// <summary>exp(x) normalized to sum to 1 along <paramref name="dim"/>.</summary>
    public Tensor softmax(long dim, ScalarType? dtype = null) => s_softmax.Call(this, dim, dtype);
    /// <summary>log(softmax(x)) computed stably.</summary>
    public Tensor log_softmax(long dim, ScalarType? dtype = null) => s_log_softmax.Call(this, dim, dtype);
}

using AiLab.Torch.Native;

namespace AiLab.Torch;

// Pointwise ops: https://pytorch.org/docs/stable/torch.html#pointwise-ops
public partial class Tensor
{
    private static readonly Op s_add = new("aten::add", "Tensor"), s_add_s = new("aten::add", "Scalar");
    private static readonly Op s_add_ = new("aten::add_", "Tensor"), s_add_s_ = new("aten::add_", "Scalar");
    private static readonly Op s_sub = new("aten::sub", "Tensor"), s_sub_s = new("aten::sub", "Scalar");
    private static readonly Op s_sub_ = new("aten::sub_", "Tensor"), s_sub_s_ = new("aten::sub_", "Scalar");
    private static readonly Op s_rsub_s = new("aten::rsub", "Scalar");
    private static readonly Op s_mul = new("aten::mul", "Tensor"), s_mul_s = new("aten::mul", "Scalar");
    private static readonly Op s_mul_ = new("aten::mul_", "Tensor"), s_mul_s_ = new("aten::mul_", "Scalar");
    private static readonly Op s_div = new("aten::div", "Tensor_mode"), s_div_s = new("aten::div", "Scalar_mode");
    private static readonly Op s_div_ = new("aten::div_", "Tensor_mode"), s_div_s_ = new("aten::div_", "Scalar_mode");
    private static readonly Op s_remainder = new("aten::remainder", "Tensor"), s_remainder_s = new("aten::remainder", "Scalar");
    private static readonly Op s_pow = new("aten::pow", "Tensor_Tensor"), s_pow_s = new("aten::pow", "Tensor_Scalar");
    private static readonly Op s_pow_scalar_base = new("aten::pow", "Scalar");
    private static readonly Op s_pow_s_ = new("aten::pow_", "Scalar");
    private static readonly Op s_neg = new("aten::neg"), s_neg_ = new("aten::neg_");
    private static readonly Op s_abs = new("aten::abs"), s_abs_ = new("aten::abs_");
    private static readonly Op s_sign = new("aten::sign");
    private static readonly Op s_sqrt = new("aten::sqrt"), s_sqrt_ = new("aten::sqrt_");
    private static readonly Op s_rsqrt = new("aten::rsqrt");
    private static readonly Op s_square = new("aten::square");
    private static readonly Op s_reciprocal = new("aten::reciprocal");
    private static readonly Op s_exp = new("aten::exp"), s_exp_ = new("aten::exp_");
    private static readonly Op s_expm1 = new("aten::expm1");
    private static readonly Op s_log = new("aten::log"), s_log_ = new("aten::log_");
    private static readonly Op s_log1p = new("aten::log1p"), s_log2 = new("aten::log2"), s_log10 = new("aten::log10");
    private static readonly Op s_floor = new("aten::floor"), s_ceil = new("aten::ceil"), s_trunc = new("aten::trunc");
    private static readonly Op s_round = new("aten::round"), s_round_d = new("aten::round", "decimals");
    private static readonly Op s_sin = new("aten::sin"), s_cos = new("aten::cos"), s_tan = new("aten::tan");
    private static readonly Op s_tanh = new("aten::tanh"), s_tanh_ = new("aten::tanh_");
    private static readonly Op s_sigmoid = new("aten::sigmoid"), s_sigmoid_ = new("aten::sigmoid_");
    private static readonly Op s_erf = new("aten::erf");
    private static readonly Op s_clamp = new("aten::clamp"), s_clamp_t = new("aten::clamp", "Tensor");
    private static readonly Op s_clamp_ = new("aten::clamp_");
    private static readonly Op s_maximum = new("aten::maximum"), s_minimum = new("aten::minimum");
    private static readonly Op s_lerp = new("aten::lerp", "Scalar"), s_lerp_ = new("aten::lerp_", "Scalar");
    private static readonly Op s_addcmul_ = new("aten::addcmul_"), s_addcdiv_ = new("aten::addcdiv_");
    private static readonly Op s_addcmul = new("aten::addcmul"), s_addcdiv = new("aten::addcdiv");
    private static readonly Op s_nan_to_num = new("aten::nan_to_num");

    /// <summary><c>this + alpha × other</c>, broadcasting.</summary>
    public Tensor add(Tensor other, Scalar? alpha = null) => s_add.Call(this, other, alpha);
    /// <summary><c>this + alpha × other</c>.</summary>
    public Tensor add(Scalar other, Scalar? alpha = null) => s_add_s.Call(this, other, alpha);
    /// <summary>In-place <see cref="add(Tensor, Scalar?)"/>.</summary>
    public Tensor add_(Tensor other, Scalar? alpha = null) { s_add_.CallInPlace(this, other, alpha); return this; }
    /// <summary>In-place <see cref="add(Scalar, Scalar?)"/>.</summary>
    public Tensor add_(Scalar other, Scalar? alpha = null) { s_add_s_.CallInPlace(this, other, alpha); return this; }

    /// <summary><c>this − alpha × other</c>, broadcasting.</summary>
    public Tensor sub(Tensor other, Scalar? alpha = null) => s_sub.Call(this, other, alpha);
    /// <summary><c>this − alpha × other</c>.</summary>
    public Tensor sub(Scalar other, Scalar? alpha = null) => s_sub_s.Call(this, other, alpha);
    /// <summary>In-place <see cref="sub(Tensor, Scalar?)"/>.</summary>
    public Tensor sub_(Tensor other, Scalar? alpha = null) { s_sub_.CallInPlace(this, other, alpha); return this; }
    /// <summary>In-place <see cref="sub(Scalar, Scalar?)"/>.</summary>
    public Tensor sub_(Scalar other, Scalar? alpha = null) { s_sub_s_.CallInPlace(this, other, alpha); return this; }
    /// <summary><c>other − alpha × this</c> (reverse subtraction, for <c>scalar − tensor</c>).</summary>
    public Tensor rsub(Scalar other, Scalar? alpha = null) => s_rsub_s.Call(this, other, alpha);

    /// <summary>Elementwise product, broadcasting.</summary>
    public Tensor mul(Tensor other) => s_mul.Call(this, other);
    /// <summary>Product with a number.</summary>
    public Tensor mul(Scalar other) => s_mul_s.Call(this, other);
    /// <summary>In-place <see cref="mul(Tensor)"/>.</summary>
    public Tensor mul_(Tensor other) { s_mul_.CallInPlace(this, other); return this; }
    /// <summary>In-place <see cref="mul(Scalar)"/>.</summary>
    public Tensor mul_(Scalar other) { s_mul_s_.CallInPlace(this, other); return this; }

    /// <summary>Elementwise true division (integers give floats); <paramref name="rounding_mode"/> "trunc" or "floor" rounds.</summary>
    public Tensor div(Tensor other, string? rounding_mode = null) => s_div.Call(this, other, RoundingMode(rounding_mode));
    /// <summary>Division by a number.</summary>
    public Tensor div(Scalar other, string? rounding_mode = null) => s_div_s.Call(this, other, RoundingMode(rounding_mode));
    /// <summary>In-place <see cref="div(Tensor, string?)"/>.</summary>
    public Tensor div_(Tensor other, string? rounding_mode = null) { s_div_.CallInPlace(this, other, RoundingMode(rounding_mode)); return this; }
    /// <summary>In-place <see cref="div(Scalar, string?)"/>.</summary>
    public Tensor div_(Scalar other, string? rounding_mode = null) { s_div_s_.CallInPlace(this, other, RoundingMode(rounding_mode)); return this; }
    private static Arg RoundingMode(string? mode) => mode is null ? Arg.None : mode;

    /// <summary>Python-style modulus (sign of the divisor).</summary>
    public Tensor remainder(Tensor other) => s_remainder.Call(this, other);
    /// <summary>Python-style modulus (sign of the divisor).</summary>
    public Tensor remainder(Scalar other) => s_remainder_s.Call(this, other);

    /// <summary>Elementwise power.</summary>
    public Tensor pow(Tensor exponent) => s_pow.Call(this, exponent);
    /// <summary>Elementwise power.</summary>
    public Tensor pow(Scalar exponent) => s_pow_s.Call(this, exponent);
    /// <summary>In-place <see cref="pow(Scalar)"/>.</summary>
    public Tensor pow_(Scalar exponent) { s_pow_s_.CallInPlace(this, exponent); return this; }
    internal static Tensor pow(Scalar self, Tensor exponent) => s_pow_scalar_base.Call(self, exponent);

    /// <summary>−this.</summary>
    public Tensor neg() => s_neg.Call(this);
    /// <summary>In-place negation.</summary>
    public Tensor neg_() { s_neg_.CallInPlace(this); return this; }
    /// <summary>|this|.</summary>
    public Tensor abs() => s_abs.Call(this);
    /// <summary>In-place |this|.</summary>
    public Tensor abs_() { s_abs_.CallInPlace(this); return this; }
    /// <summary>−1, 0 or 1.</summary>
    public Tensor sign() => s_sign.Call(this);
    /// <summary>Square root.</summary>
    public Tensor sqrt() => s_sqrt.Call(this);
    /// <summary>In-place square root.</summary>
    public Tensor sqrt_() { s_sqrt_.CallInPlace(this); return this; }
    /// <summary>1 / √this.</summary>
    public Tensor rsqrt() => s_rsqrt.Call(this);
    /// <summary>this².</summary>
    public Tensor square() => s_square.Call(this);
    /// <summary>1 / this.</summary>
    public Tensor reciprocal() => s_reciprocal.Call(this);
    /// <summary>eˣ.</summary>
    public Tensor exp() => s_exp.Call(this);
    /// <summary>In-place eˣ.</summary>
    public Tensor exp_() { s_exp_.CallInPlace(this); return this; }
    /// <summary>eˣ − 1, accurate near 0.</summary>
    public Tensor expm1() => s_expm1.Call(this);
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => s_log.Call(this);
    /// <summary>In-place natural logarithm.</summary>
    public Tensor log_() { s_log_.CallInPlace(this); return this; }
    /// <summary>log(1 + x), accurate near 0.</summary>
    public Tensor log1p() => s_log1p.Call(this);
    /// <summary>Base-2 logarithm.</summary>
    public Tensor log2() => s_log2.Call(this);
    /// <summary>Base-10 logarithm.</summary>
    public Tensor log10() => s_log10.Call(this);
    /// <summary>Rounds down.</summary>
    public Tensor floor() => s_floor.Call(this);
    /// <summary>Rounds up.</summary>
    public Tensor ceil() => s_ceil.Call(this);
    /// <summary>Rounds toward zero.</summary>
    public Tensor trunc() => s_trunc.Call(this);
    /// <summary>Rounds half to even (like PyTorch), optionally to <paramref name="decimals"/> places.</summary>
    public Tensor round(long decimals = 0) => decimals == 0 ? s_round.Call(this) : s_round_d.Call(this, decimals);
    /// <summary>Sine.</summary>
    public Tensor sin() => s_sin.Call(this);
    /// <summary>Cosine.</summary>
    public Tensor cos() => s_cos.Call(this);
    /// <summary>Tangent.</summary>
    public Tensor tan() => s_tan.Call(this);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => s_tanh.Call(this);
    /// <summary>In-place tanh.</summary>
    public Tensor tanh_() { s_tanh_.CallInPlace(this); return this; }
    /// <summary>1 / (1 + e⁻ˣ).</summary>
    public Tensor sigmoid() => s_sigmoid.Call(this);
    /// <summary>In-place sigmoid.</summary>
    public Tensor sigmoid_() { s_sigmoid_.CallInPlace(this); return this; }
    /// <summary>The Gauss error function.</summary>
    public Tensor erf() => s_erf.Call(this);

    /// <summary>Clamps into [min, max]; either bound may be omitted.</summary>
    public Tensor clamp(Scalar? min = null, Scalar? max = null) => s_clamp.Call(this, Bound(min), Bound(max));
    /// <summary>Clamps elementwise between tensors of bounds.</summary>
    public Tensor clamp(Tensor? min, Tensor? max) => s_clamp_t.Call(this, min, max);
    /// <summary>In-place <see cref="clamp(Scalar?, Scalar?)"/>.</summary>
    public Tensor clamp_(Scalar? min = null, Scalar? max = null) { s_clamp_.CallInPlace(this, Bound(min), Bound(max)); return this; }
    /// <summary>Alias of <see cref="clamp(Scalar?, Scalar?)"/>.</summary>
    public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);
    private static Arg Bound(Scalar? bound) => bound is { } b ? b : Arg.None;

    /// <summary>Elementwise maximum of two tensors.</summary>
    public Tensor maximum(Tensor other) => s_maximum.Call(this, other);
    /// <summary>Elementwise minimum of two tensors.</summary>
    public Tensor minimum(Tensor other) => s_minimum.Call(this, other);

    /// <summary><c>this + weight × (end − this)</c>.</summary>
    public Tensor lerp(Tensor end, Scalar weight) => s_lerp.Call(this, end, weight);
    /// <summary>In-place <see cref="lerp"/> (used for exponential moving averages).</summary>
    public Tensor lerp_(Tensor end, Scalar weight) { s_lerp_.CallInPlace(this, end, weight); return this; }

    /// <summary><c>this + value × tensor1 × tensor2</c>.</summary>
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar? value = null) => s_addcmul.Call(this, tensor1, tensor2, value);
    /// <summary>In-place <see cref="addcmul"/>.</summary>
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar? value = null) { s_addcmul_.CallInPlace(this, tensor1, tensor2, value); return this; }
    /// <summary><c>this + value × tensor1 / tensor2</c>.</summary>
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar? value = null) => s_addcdiv.Call(this, tensor1, tensor2, value);
    /// <summary>In-place <see cref="addcdiv"/>.</summary>
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar? value = null) { s_addcdiv_.CallInPlace(this, tensor1, tensor2, value); return this; }

    /// <summary>Replaces NaN with <paramref name="nan"/> and ±inf with the given values (default: the dtype's extremes).</summary>
    public Tensor nan_to_num(double nan = 0.0, double? posinf = null, double? neginf = null) =>
        s_nan_to_num.Call(this, nan, posinf is { } p ? p : Arg.None, neginf is { } n ? n : Arg.None);
}

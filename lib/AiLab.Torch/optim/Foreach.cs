using AiLab.Torch.Native;

namespace AiLab.Torch.Optimizers;

/// <summary>
/// libtorch's multi-tensor (<c>aten::_foreach_*</c>) ops: one native call updates a whole list of tensors,
/// so an optimizer step costs a fixed number of calls per parameter group instead of several per parameter.
/// On CPU each op applies the same single-tensor kernel to every element of the list, so results are
/// bit-identical to the per-tensor formulation PyTorch's optimizers use by default. Lists must not be empty.
/// </summary>
internal static class Foreach
{
    private static readonly Op s_add = new("aten::_foreach_add", "List");
    private static readonly Op s_add_ = new("aten::_foreach_add_", "List"), s_add_scalar_ = new("aten::_foreach_add_", "Scalar");
    private static readonly Op s_mul_ = new("aten::_foreach_mul_", "Scalar"), s_mul_list_ = new("aten::_foreach_mul_", "List");
    private static readonly Op s_div_scalars_ = new("aten::_foreach_div_", "ScalarList");
    private static readonly Op s_addcmul = new("aten::_foreach_addcmul", "Scalar"), s_addcmul_ = new("aten::_foreach_addcmul_", "Scalar");
    private static readonly Op s_addcdiv_ = new("aten::_foreach_addcdiv_", "Scalar"), s_addcdiv_scalars_ = new("aten::_foreach_addcdiv_", "ScalarList");
    private static readonly Op s_maximum_ = new("aten::_foreach_maximum_", "List");
    private static readonly Op s_sqrt = new("aten::_foreach_sqrt"), s_sqrt_ = new("aten::_foreach_sqrt_");
    private static readonly Op s_neg = new("aten::_foreach_neg");
    private static readonly Op s_norm = new("aten::_foreach_norm", "Scalar");
    private static readonly Op s_zero_ = new("aten::_foreach_zero_");

    /// <summary><c>self[i] + alpha × other[i]</c>.</summary>
    internal static Tensor[] add(Tensor[] self, Tensor[] other, double alpha) => s_add.CallTensors(self, other, alpha);
    /// <summary><c>self[i] += alpha × other[i]</c>.</summary>
    internal static void add_(Tensor[] self, Tensor[] other, double alpha) => s_add_.CallInPlace(self, other, alpha);
    /// <summary><c>self[i] += scalar</c>.</summary>
    internal static void add_(Tensor[] self, double scalar) => s_add_scalar_.CallInPlace(self, scalar);
    /// <summary><c>self[i] *= scalar</c>.</summary>
    internal static void mul_(Tensor[] self, double scalar) => s_mul_.CallInPlace(self, scalar);
    /// <summary><c>self[i] *= other[i]</c>, broadcasting (e.g. by a 0-D tensor).</summary>
    internal static void mul_(Tensor[] self, Tensor[] other) => s_mul_list_.CallInPlace(self, other);
    /// <summary><c>self[i] /= scalars[i]</c>.</summary>
    internal static void div_(Tensor[] self, double[] scalars) => s_div_scalars_.CallInPlace(self, scalars);
    /// <summary><c>self[i] + value × tensor1[i] × tensor2[i]</c>.</summary>
    internal static Tensor[] addcmul(Tensor[] self, Tensor[] tensor1, Tensor[] tensor2, double value) => s_addcmul.CallTensors(self, tensor1, tensor2, value);
    /// <summary><c>self[i] += value × tensor1[i] × tensor2[i]</c>.</summary>
    internal static void addcmul_(Tensor[] self, Tensor[] tensor1, Tensor[] tensor2, double value) => s_addcmul_.CallInPlace(self, tensor1, tensor2, value);
    /// <summary><c>self[i] += value × tensor1[i] / tensor2[i]</c>.</summary>
    internal static void addcdiv_(Tensor[] self, Tensor[] tensor1, Tensor[] tensor2, double value) => s_addcdiv_.CallInPlace(self, tensor1, tensor2, value);
    /// <summary><c>self[i] += values[i] × tensor1[i] / tensor2[i]</c>.</summary>
    internal static void addcdiv_(Tensor[] self, Tensor[] tensor1, Tensor[] tensor2, double[] values) => s_addcdiv_scalars_.CallInPlace(self, tensor1, tensor2, values);
    /// <summary><c>self[i] = max(self[i], other[i])</c> elementwise.</summary>
    internal static void maximum_(Tensor[] self, Tensor[] other) => s_maximum_.CallInPlace(self, other);
    /// <summary><c>√self[i]</c>.</summary>
    internal static Tensor[] sqrt(Tensor[] self) => s_sqrt.CallTensors(self);
    /// <summary><c>self[i] = √self[i]</c>.</summary>
    internal static void sqrt_(Tensor[] self) => s_sqrt_.CallInPlace(self);
    /// <summary><c>−self[i]</c>.</summary>
    internal static Tensor[] neg(Tensor[] self) => s_neg.CallTensors(self);
    /// <summary>The p-norm of each tensor (0-D results).</summary>
    internal static Tensor[] norm(Tensor[] self, double ord) => s_norm.CallTensors(self, ord);
    /// <summary><c>self[i] = 0</c>.</summary>
    internal static void zero_(Tensor[] self) => s_zero_.CallInPlace(self);
}

using AiLab.Torch.Native;

namespace AiLab.Torch;

// Comparison and logical ops: https://pytorch.org/docs/stable/torch.html#comparison-ops
public partial class Tensor
{
    private static readonly Op s_eq = new("aten::eq", "Tensor"), s_eq_s = new("aten::eq", "Scalar");
    private static readonly Op s_ne = new("aten::ne", "Tensor"), s_ne_s = new("aten::ne", "Scalar");
    private static readonly Op s_lt = new("aten::lt", "Tensor"), s_lt_s = new("aten::lt", "Scalar");
    private static readonly Op s_le = new("aten::le", "Tensor"), s_le_s = new("aten::le", "Scalar");
    private static readonly Op s_gt = new("aten::gt", "Tensor"), s_gt_s = new("aten::gt", "Scalar");
    private static readonly Op s_ge = new("aten::ge", "Tensor"), s_ge_s = new("aten::ge", "Scalar");
    private static readonly Op s_logical_and = new("aten::logical_and"), s_logical_or = new("aten::logical_or");
    private static readonly Op s_logical_xor = new("aten::logical_xor"), s_logical_not = new("aten::logical_not");
    private static readonly Op s_bitwise_and = new("aten::bitwise_and", "Tensor"), s_bitwise_or = new("aten::bitwise_or", "Tensor");
    private static readonly Op s_bitwise_xor = new("aten::bitwise_xor", "Tensor"), s_bitwise_not = new("aten::bitwise_not");
    private static readonly Op s_isnan = new("aten::isnan"), s_isinf = new("aten::isinf"), s_isfinite = new("aten::isfinite");
    private static readonly Op s_where = new("aten::where", "self"), s_where_so = new("aten::where", "ScalarOther");
    private static readonly Op s_where_ss = new("aten::where", "ScalarSelf"), s_where_s = new("aten::where", "Scalar");
    private static readonly Op s_equal = new("aten::equal"), s_allclose = new("aten::allclose");

    /// <summary>Elementwise ==.</summary>
    public Tensor eq(Tensor other) => s_eq.Call(this, other);
    /// <summary>Elementwise ==.</summary>
    public Tensor eq(Scalar other) => s_eq_s.Call(this, other);
    /// <summary>Elementwise !=.</summary>
    public Tensor ne(Tensor other) => s_ne.Call(this, other);
    /// <summary>Elementwise !=.</summary>
    public Tensor ne(Scalar other) => s_ne_s.Call(this, other);
    /// <summary>Elementwise &lt;.</summary>
    public Tensor lt(Tensor other) => s_lt.Call(this, other);
    /// <summary>Elementwise &lt;.</summary>
    public Tensor lt(Scalar other) => s_lt_s.Call(this, other);
    /// <summary>Elementwise ≤.</summary>
    public Tensor le(Tensor other) => s_le.Call(this, other);
    /// <summary>Elementwise ≤.</summary>
    public Tensor le(Scalar other) => s_le_s.Call(this, other);
    /// <summary>Elementwise &gt;.</summary>
    public Tensor gt(Tensor other) => s_gt.Call(this, other);
    /// <summary>Elementwise &gt;.</summary>
    public Tensor gt(Scalar other) => s_gt_s.Call(this, other);
    /// <summary>Elementwise ≥.</summary>
    public Tensor ge(Tensor other) => s_ge.Call(this, other);
    /// <summary>Elementwise ≥.</summary>
    public Tensor ge(Scalar other) => s_ge_s.Call(this, other);

    /// <summary>Elementwise logical and (non-zero is true).</summary>
    public Tensor logical_and(Tensor other) => s_logical_and.Call(this, other);
    /// <summary>Elementwise logical or.</summary>
    public Tensor logical_or(Tensor other) => s_logical_or.Call(this, other);
    /// <summary>Elementwise logical xor.</summary>
    public Tensor logical_xor(Tensor other) => s_logical_xor.Call(this, other);
    /// <summary>Elementwise logical not.</summary>
    public Tensor logical_not() => s_logical_not.Call(this);
    /// <summary>Bitwise and (logical and for bool tensors).</summary>
    public Tensor bitwise_and(Tensor other) => s_bitwise_and.Call(this, other);
    /// <summary>Bitwise or.</summary>
    public Tensor bitwise_or(Tensor other) => s_bitwise_or.Call(this, other);
    /// <summary>Bitwise xor.</summary>
    public Tensor bitwise_xor(Tensor other) => s_bitwise_xor.Call(this, other);
    /// <summary>Bitwise not.</summary>
    public Tensor bitwise_not() => s_bitwise_not.Call(this);

    /// <summary>True where the value is NaN.</summary>
    public Tensor isnan() => s_isnan.Call(this);
    /// <summary>True where the value is ±inf.</summary>
    public Tensor isinf() => s_isinf.Call(this);
    /// <summary>True where the value is neither NaN nor ±inf.</summary>
    public Tensor isfinite() => s_isfinite.Call(this);

    /// <summary>True when both tensors have the same shape and values.</summary>
    public bool equal(Tensor other) => s_equal.CallScalar(this, other).Integer != 0;
    /// <summary>|this − other| ≤ atol + rtol·|other| everywhere.</summary>
    public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) =>
        s_allclose.CallScalar(this, other, rtol, atol, equal_nan).Integer != 0;

    internal static Tensor where(Tensor condition, Tensor self, Tensor other) => s_where.Call(condition, self, other);
    internal static Tensor where(Tensor condition, Tensor self, Scalar other) => s_where_so.Call(condition, self, other);
    internal static Tensor where(Tensor condition, Scalar self, Tensor other) => s_where_ss.Call(condition, self, other);
    internal static Tensor where(Tensor condition, Scalar self, Scalar other) => s_where_s.Call(condition, self, other);
}

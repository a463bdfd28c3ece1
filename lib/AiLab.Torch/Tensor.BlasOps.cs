using AiLab.Torch.Native;

namespace AiLab.Torch;

// BLAS and LAPACK ops: https://pytorch.org/docs/stable/torch.html#blas-and-lapack-operations
public partial class Tensor
{
    private static readonly Op s_matmul = new("aten::matmul"), s_mm = new("aten::mm"), s_bmm = new("aten::bmm");
    private static readonly Op s_outer = new("aten::outer"), s_dot = new("aten::dot"), s_mv = new("aten::mv");
    private static readonly Op s_addmm = new("aten::addmm");

    /// <summary>Matrix product with NumPy broadcasting rules (vector·vector, matrix·vector, batched).</summary>
    public Tensor matmul(Tensor other) => s_matmul.Call(this, other);
    /// <summary>2-D matrix product (no broadcasting).</summary>
    public Tensor mm(Tensor mat2) => s_mm.Call(this, mat2);
    /// <summary>Batched 3-D matrix product.</summary>
    public Tensor bmm(Tensor mat2) => s_bmm.Call(this, mat2);
    /// <summary>Matrix × vector.</summary>
    public Tensor mv(Tensor vec) => s_mv.Call(this, vec);
    /// <summary>Outer product of two vectors.</summary>
    public Tensor outer(Tensor vec2) => s_outer.Call(this, vec2);
    /// <summary>Inner product of two vectors.</summary>
    public Tensor dot(Tensor other) => s_dot.Call(this, other);
    /// <summary><c>beta·this + alpha·(mat1 @ mat2)</c>.</summary>
    public Tensor addmm(Tensor mat1, Tensor mat2, Scalar? beta = null, Scalar? alpha = null) => s_addmm.Call(this, mat1, mat2, beta, alpha);
}

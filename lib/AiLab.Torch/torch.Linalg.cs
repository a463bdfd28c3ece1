using AiLab.Torch.Native;

namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Linear algebra (<c>torch.linalg</c>).</summary>
    public static class linalg
    {
        private static readonly Op s_qr = new("aten::linalg_qr"), s_svd = new("aten::linalg_svd");
        private static readonly Op s_solve = new("aten::linalg_solve"), s_inv = new("aten::linalg_inv");
        private static readonly Op s_det = new("aten::linalg_det"), s_eigh = new("aten::linalg_eigh");
        private static readonly Op s_vector_norm = new("aten::linalg_vector_norm");

        /// <summary>QR decomposition; <paramref name="mode"/> "reduced" (default), "complete" or "r".</summary>
        public static (Tensor Q, Tensor R) qr(Tensor A, string mode = "reduced")
        {
            var r = s_qr.CallTensors(A, mode);
            return (r[0], r[1]);
        }

        /// <summary>Singular value decomposition A = U·diag(S)·Vh.</summary>
        public static (Tensor U, Tensor S, Tensor Vh) svd(Tensor A, bool full_matrices = true)
        {
            var r = s_svd.CallTensors(A, full_matrices);
            return (r[0], r[1], r[2]);
        }

        /// <summary>Eigen-decomposition of a symmetric matrix: ascending eigenvalues and eigenvectors (columns).</summary>
        public static (Tensor eigenvalues, Tensor eigenvectors) eigh(Tensor A, string UPLO = "L")
        {
            var r = s_eigh.CallTensors(A, UPLO);
            return (r[0], r[1]);
        }

        /// <summary>Solves A·X = B.</summary>
        public static Tensor solve(Tensor A, Tensor B) => s_solve.Call(A, B);
        /// <summary>The inverse matrix.</summary>
        public static Tensor inv(Tensor A) => s_inv.Call(A);
        /// <summary>The determinant.</summary>
        public static Tensor det(Tensor A) => s_det.Call(A);
        /// <summary>Vector norm (see <see cref="Tensor.norm(double, long[], bool)"/>).</summary>
        public static Tensor vector_norm(Tensor x, double ord = 2, long[]? dim = null, bool keepdim = false) =>
            s_vector_norm.Call(x, ord, dim is null ? Arg.None : dim, keepdim);
    }
}

using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// The p-norm distance between matching rows: dist(x1, x2) = ‖x1 − x2 + eps‖_p along the last dimension.
    /// <para>Arguments: p = 2; eps = 1e-6 (added to the difference, avoiding a zero norm's infinite gradient); keepdim = false.</para>
    /// <para>Shape: x1 (N, D) or (D), x2 broadcastable to it → output (N) or () — (N, 1) with keepdim.</para>
    /// <para>No parameters.</para>
    /// </summary>
    public sealed class PairwiseDistance(double p = 2, double eps = 1e-6, bool keepdim = false) : nn.Module<Tensor, Tensor, Tensor>(nameof(PairwiseDistance))
    {
        /// <summary>The norm degree.</summary>
        public double norm { get; } = p;
        /// <summary>Added to the difference.</summary>
        public double eps { get; } = eps;
        /// <summary>Whether the reduced dimension is kept.</summary>
        public bool keepdim { get; } = keepdim;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input1, Tensor input2) => nn.functional.pairwise_distance(input1, input2, norm, eps, keepdim);
    }

    /// <summary>
    /// Cosine similarity along a dimension: x1·x2 / max(‖x1‖₂·‖x2‖₂, eps).
    /// <para>Arguments: dim = 1; eps = 1e-8.</para>
    /// <para>Shape: x1 (*₁, D, *₂), x2 broadcastable to it → output (*₁, *₂).</para>
    /// <para>No parameters.</para>
    /// </summary>
    public sealed class CosineSimilarity(long dim = 1, double eps = 1e-8) : nn.Module<Tensor, Tensor, Tensor>(nameof(CosineSimilarity))
    {
        /// <summary>The dimension the similarity is computed along.</summary>
        public long dim { get; } = dim;
        /// <summary>Lower bound of the norm product.</summary>
        public double eps { get; } = eps;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input1, Tensor input2) => nn.functional.cosine_similarity(input1, input2, dim, eps);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>p-norm distance between rows: see <see cref="Modules.PairwiseDistance"/>.</summary>
            public static PairwiseDistance PairwiseDistance(double p = 2, double eps = 1e-6, bool keepdim = false) => new(p, eps, keepdim);

            /// <summary>Cosine similarity along a dimension: see <see cref="Modules.CosineSimilarity"/>.</summary>
            public static CosineSimilarity CosineSimilarity(long dim = 1, double eps = 1e-8) => new(dim, eps);

            public static partial class functional
            {
                private static readonly Op s_pairwise_distance = new("aten::pairwise_distance");
                private static readonly Op s_cosine_similarity = new("aten::cosine_similarity");
                private static readonly Op s_pdist = new("aten::pdist");

                /// <summary>‖x1 − x2 + eps‖_p along the last dimension: see <see cref="Modules.PairwiseDistance"/>.</summary>
                public static Tensor pairwise_distance(Tensor x1, Tensor x2, double p = 2, double eps = 1e-6, bool keepdim = false) =>
                    s_pairwise_distance.Call(x1, x2, p, eps, keepdim);

                /// <summary>x1·x2 / max(‖x1‖₂·‖x2‖₂, eps) along <paramref name="dim"/>: see <see cref="Modules.CosineSimilarity"/>.</summary>
                public static Tensor cosine_similarity(Tensor x1, Tensor x2, long dim = 1, double eps = 1e-8) => s_cosine_similarity.Call(x1, x2, dim, eps);

                /// <summary>The p-norm distances between every pair of rows of <paramref name="input"/> (N, M): the upper triangle
                /// (i &lt; j, row-major) of <see cref="cdist"/>(input, input) as a vector of N·(N − 1)/2.</summary>
                public static Tensor pdist(Tensor input, double p = 2) => s_pdist.Call(input, p);

                /// <summary>Divides <paramref name="input"/> by its <paramref name="p"/>-norm along <paramref name="dim"/>:
                /// v / max(‖v‖_p, eps), so each slice has unit norm.</summary>
                public static Tensor normalize(Tensor input, double p = 2, long dim = 1, double eps = 1e-12)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    using var norm = input.norm(p, [dim], keepdim: true);
                    using var denominator = norm.clamp(min: eps);
                    return input / denominator;
                }
            }
        }
    }
}

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// softmax(Q·Kᵀ·scale + mask)·V over the last two dimensions (PyTorch 2's
            /// <c>F.scaled_dot_product_attention</c>; libtorch 1.13 has no public operator for it, so this composes
            /// matmul, softmax and dropout, which autograd differentiates).
            /// <para>Shape: query (N, …, L, E), key (N, …, S, E), value (N, …, S, Ev) → (N, …, L, Ev).</para>
            /// </summary>
            /// <param name="query">Queries (…, L, E).</param>
            /// <param name="key">Keys (…, S, E).</param>
            /// <param name="value">Values (…, S, Ev).</param>
            /// <param name="attn_mask">Broadcastable to (…, L, S). A bool mask is true where attention is allowed (PyTorch
            /// 2's convention, the opposite of <see cref="Modules.MultiheadAttention"/>'s); a float mask is added to the scores.</param>
            /// <param name="dropout_p">Dropout probability on the attention weights (pass 0 in evaluation).</param>
            /// <param name="is_causal">Lets position i attend only to positions j ≤ i (the upper-left (L, S) triangle);
            /// not together with <paramref name="attn_mask"/>.</param>
            /// <param name="scale">Factor on Q·Kᵀ; 1/√E when null.</param>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null,
                double dropout_p = 0.0, bool is_causal = false, double? scale = null)
            {
                ArgumentNullException.ThrowIfNull(query);
                ArgumentNullException.ThrowIfNull(key);
                ArgumentNullException.ThrowIfNull(value);
                if (dropout_p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(dropout_p), dropout_p, "dropout probability has to be between 0 and 1");
                if (is_causal && attn_mask is not null)
                    throw new ArgumentException("is_causal already masks the future; pass either attn_mask or is_causal", nameof(attn_mask));
                using var scope = NewDisposeScope();
                var mask = attn_mask;
                if (is_causal) mask = CausalMask(query.size(-2), key.size(-2), query.dtype, query.device);
                else if (attn_mask is { dtype: ScalarType.Bool }) mask = zeros(attn_mask.shape, query.dtype, query.device).masked_fill_(attn_mask.logical_not(), double.NegativeInfinity);
                var scaled = query * (scale ?? 1 / Math.Sqrt(query.size(-1)));
                return Attention(scaled, key, value, mask, dropout_p).output.MoveToOuterDisposeScope();
            }

            /// <summary>The additive causal mask (L, S): 0 where j ≤ i, −∞ above the diagonal.</summary>
            internal static Tensor CausalMask(long L, long S, ScalarType dtype, Device device) =>
                full([L, S], double.NegativeInfinity, dtype, device).triu(1);

            /// <summary>
            /// The attention both <see cref="scaled_dot_product_attention"/> and multi-head attention use:
            /// weights = softmax(scaledQuery·keyᵀ + additiveMask), dropped out with <paramref name="dropout_p"/>, and
            /// output = weights·value. Results belong to the caller's dispose scope.
            /// </summary>
            internal static (Tensor output, Tensor weights) Attention(Tensor scaledQuery, Tensor key, Tensor value, Tensor? additiveMask, double dropout_p)
            {
                using var scope = NewDisposeScope();
                var scores = scaledQuery.matmul(key.transpose(-2, -1));
                if (additiveMask is not null) scores = scores + additiveMask;
                var weights = scores.softmax(-1);
                if (dropout_p > 0) weights = dropout(weights, dropout_p, training: true);
                var output = weights.matmul(value);
                return (output.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
            }
        }
    }
}

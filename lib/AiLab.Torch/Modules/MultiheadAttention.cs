using AiLab.Torch.Modules;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Multi-head attention (Vaswani et al., 2017): MultiHead(Q, K, V) = Concat(head_1, …, head_h)·W_Oᵀ with
    /// head_i = softmax(Q·W_Qiᵀ (K·W_Kiᵀ)ᵀ / √head_dim + mask)·V·W_Viᵀ.
    /// <para>Shape: query (L, N, E), key (S, N, kdim), value (S, N, vdim) — (N, L, E) … with batch_first, (L, E) …
    /// unbatched → attn_output like query, attn_output_weights (N, L, S) averaged over heads or (N, num_heads, L, S).</para>
    /// <para>Parameters (PyTorch's names, order and initialisation): in_proj_weight (3·E, E) from xavier_uniform_ —
    /// or q_proj_weight, k_proj_weight, v_proj_weight when kdim or vdim differ from E — in_proj_bias (3·E) zeros,
    /// bias_k and bias_v (1, 1, E) from xavier_normal_ with add_bias_kv, and out_proj, a Linear(E, E) with a zero bias.</para>
    /// </summary>
    public sealed class MultiheadAttention : nn.Module<Tensor, Tensor, Tensor, (Tensor attn_output, Tensor? attn_output_weights)>
    {
        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        public MultiheadAttention(long embed_dim, long num_heads, double dropout = 0.0, bool bias = true, bool add_bias_kv = false,
            bool add_zero_attn = false, long? kdim = null, long? vdim = null, bool batch_first = false, Device? device = null, ScalarType? dtype = null)
            : base(nameof(MultiheadAttention))
        {
            if (embed_dim <= 0) throw new ArgumentOutOfRangeException(nameof(embed_dim), embed_dim, "embed_dim must be positive");
            if (num_heads <= 0) throw new ArgumentOutOfRangeException(nameof(num_heads), num_heads, "num_heads must be positive");
            if (embed_dim % num_heads != 0) throw new ArgumentException($"embed_dim ({embed_dim}) must be divisible by num_heads ({num_heads})", nameof(num_heads));
            if (dropout is < 0 or > 1 || double.IsNaN(dropout)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout probability has to be between 0 and 1");
            this.embed_dim = embed_dim;
            this.kdim = kdim ?? embed_dim;
            this.vdim = vdim ?? embed_dim;
            if (this.kdim <= 0 || this.vdim <= 0) throw new ArgumentOutOfRangeException(kdim <= 0 ? nameof(kdim) : nameof(vdim), "kdim and vdim must be positive");
            this.num_heads = num_heads;
            this.dropout = dropout;
            this.batch_first = batch_first;
            this.add_zero_attn = add_zero_attn;
            head_dim = embed_dim / num_heads;

            nn.Parameter NewParameter(params long[] shape) => new(empty(shape, dtype, device));
            if (_qkv_same_embed_dim)
            {
                in_proj_weight = NewParameter(3 * embed_dim, embed_dim);
            }
            else
            {
                q_proj_weight = NewParameter(embed_dim, embed_dim);
                k_proj_weight = NewParameter(embed_dim, this.kdim);
                v_proj_weight = NewParameter(embed_dim, this.vdim);
            }
            if (bias) in_proj_bias = NewParameter(3 * embed_dim);
            // PyTorch builds out_proj (drawing its default Linear init) before re-initialising the rest: same RNG order.
            out_proj = new Linear(embed_dim, embed_dim, bias, device, dtype);
            if (add_bias_kv)
            {
                bias_k = NewParameter(1, 1, embed_dim);
                bias_v = NewParameter(1, 1, embed_dim);
            }
            // PyTorch's registration order (absent ones registered as None): own parameters, then out_proj.
            register_parameter(nameof(in_proj_weight), in_proj_weight);
            register_parameter(nameof(q_proj_weight), q_proj_weight);
            register_parameter(nameof(k_proj_weight), k_proj_weight);
            register_parameter(nameof(v_proj_weight), v_proj_weight);
            register_parameter(nameof(in_proj_bias), in_proj_bias);
            register_parameter(nameof(bias_k), bias_k);
            register_parameter(nameof(bias_v), bias_v);
            register_module(nameof(out_proj), out_proj);
            _reset_parameters();
        }

        /// <summary>Model width E (query features and output features).</summary>
        public long embed_dim { get; }
        /// <summary>Key features.</summary>
        public long kdim { get; }
        /// <summary>Value features.</summary>
        public long vdim { get; }
        /// <summary>Parallel attention heads; each sees embed_dim / num_heads features.</summary>
        public long num_heads { get; }
        /// <summary>embed_dim / num_heads.</summary>
        public long head_dim { get; }
        /// <summary>Dropout probability on the attention weights while training.</summary>
        public double dropout { get; }
        /// <summary>True when inputs and outputs are (N, L, E) instead of (L, N, E).</summary>
        public bool batch_first { get; }
        /// <summary>Whether a zero key and value are appended to the sequence.</summary>
        public bool add_zero_attn { get; }
        /// <summary>True when kdim = vdim = embed_dim: the three input projections are packed in <see cref="in_proj_weight"/>.</summary>
        public bool _qkv_same_embed_dim => kdim == embed_dim && vdim == embed_dim;

        /// <summary>Packed [W_Q; W_K; W_V] (3·E, E), or null when kdim or vdim differ from E.</summary>
        public nn.Parameter? in_proj_weight { get; }
        /// <summary>W_Q (E, E) when the projections are separate.</summary>
        public nn.Parameter? q_proj_weight { get; }
        /// <summary>W_K (E, kdim) when the projections are separate.</summary>
        public nn.Parameter? k_proj_weight { get; }
        /// <summary>W_V (E, vdim) when the projections are separate.</summary>
        public nn.Parameter? v_proj_weight { get; }
        /// <summary>Packed input projection biases (3·E), or null without bias.</summary>
        public nn.Parameter? in_proj_bias { get; }
        /// <summary>A learned key appended to the sequence (add_bias_kv).</summary>
        public nn.Parameter? bias_k { get; }
        /// <summary>A learned value appended to the sequence (add_bias_kv).</summary>
        public nn.Parameter? bias_v { get; }
        /// <summary>The output projection W_O.</summary>
        public Linear out_proj { get; }

        private void _reset_parameters()
        {
            if (_qkv_same_embed_dim) nn.init.xavier_uniform_(in_proj_weight!);
            else
            {
                nn.init.xavier_uniform_(q_proj_weight!);
                nn.init.xavier_uniform_(k_proj_weight!);
                nn.init.xavier_uniform_(v_proj_weight!);
            }
            if (in_proj_bias is not null)
            {
                nn.init.constant_(in_proj_bias, 0);
                nn.init.constant_(out_proj.bias!, 0);
            }
            if (bias_k is not null) nn.init.xavier_normal_(bias_k);
            if (bias_v is not null) nn.init.xavier_normal_(bias_v);
        }

        /// <inheritdoc/>
        public override (Tensor attn_output, Tensor? attn_output_weights) forward(Tensor query, Tensor key, Tensor value) =>
            forward(query, key, value, key_padding_mask: null);

        /// <summary>
        /// Attends from <paramref name="query"/> to <paramref name="key"/>/<paramref name="value"/>.
        /// </summary>
        /// <param name="query">(L, N, E), (N, L, E) with batch_first, or (L, E).</param>
        /// <param name="key">(S, N, kdim), (N, S, kdim) with batch_first, or (S, kdim).</param>
        /// <param name="value">(S, N, vdim), (N, S, vdim) with batch_first, or (S, vdim).</param>
        /// <param name="key_padding_mask">(N, S) or (S): true (bool) marks keys to ignore (padding); a float mask is added.</param>
        /// <param name="need_weights">Also return the attention weights.</param>
        /// <param name="attn_mask">(L, S) or (N·num_heads, L, S): true (bool) forbids attending; a float mask is added
        /// (e.g. <see cref="nn.Transformer.generate_square_subsequent_mask"/>).</param>
        /// <param name="average_attn_weights">Average the returned weights over heads.</param>
        public (Tensor attn_output, Tensor? attn_output_weights) forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null,
            bool need_weights = true, Tensor? attn_mask = null, bool average_attn_weights = true)
        {
            ArgumentNullException.ThrowIfNull(query);
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            using var scope = NewDisposeScope();
            var batched = query.dim() == 3;
            if (batch_first && batched)
            {
                // Transpose once per distinct tensor so self-attention keeps query, key and value identical
                // (the packed projection then runs one matmul), as PyTorch does.
                var q = query.transpose(1, 0);
                var k = ReferenceEquals(key, query) ? q : key.transpose(1, 0);
                var v = ReferenceEquals(value, key) ? k : value.transpose(1, 0);
                (query, key, value) = (q, k, v);
            }
            var (output, weights) = nn.functional.multi_head_attention_forward(query, key, value, embed_dim, num_heads,
                in_proj_weight, in_proj_bias, bias_k, bias_v, add_zero_attn, dropout, out_proj.weight, out_proj.bias,
                training, key_padding_mask, need_weights, attn_mask, use_separate_proj_weight: !_qkv_same_embed_dim,
                q_proj_weight: q_proj_weight, k_proj_weight: k_proj_weight, v_proj_weight: v_proj_weight,
                average_attn_weights: average_attn_weights);
            if (batch_first && batched) output = output.transpose(1, 0);
            return (output.MoveToOuterDisposeScope(), weights?.MoveToOuterDisposeScope());
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Multi-head attention: see <see cref="Modules.MultiheadAttention"/>.</summary>
            public static MultiheadAttention MultiheadAttention(long embed_dim, long num_heads, double dropout = 0.0, bool bias = true,
                bool add_bias_kv = false, bool add_zero_attn = false, long? kdim = null, long? vdim = null, bool batch_first = false,
                Device? device = null, ScalarType? dtype = null) =>
                new(embed_dim, num_heads, dropout, bias, add_bias_kv, add_zero_attn, kdim, vdim, batch_first, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// The computation of <see cref="Modules.MultiheadAttention"/> with explicit weights (PyTorch's
                /// <c>F.multi_head_attention_forward</c>, sequence-first layout): in-projection, optional bias_k/bias_v
                /// and zero attention, masks merged into one additive mask, softmax(Q·Kᵀ/√head_dim + mask)·V per head,
                /// out-projection. Returns attn_output (L, N, E) and, with <paramref name="need_weights"/>, the weights
                /// (N, L, S) averaged over heads or (N, num_heads, L, S); unbatched inputs drop N.
                /// </summary>
                public static (Tensor attn_output, Tensor? attn_output_weights) multi_head_attention_forward(
                    Tensor query, Tensor key, Tensor value, long embed_dim_to_check, long num_heads,
                    Tensor? in_proj_weight, Tensor? in_proj_bias, Tensor? bias_k, Tensor? bias_v, bool add_zero_attn,
                    double dropout_p, Tensor out_proj_weight, Tensor? out_proj_bias, bool training = true,
                    Tensor? key_padding_mask = null, bool need_weights = true, Tensor? attn_mask = null,
                    bool use_separate_proj_weight = false, Tensor? q_proj_weight = null, Tensor? k_proj_weight = null,
                    Tensor? v_proj_weight = null, Tensor? static_k = null, Tensor? static_v = null, bool average_attn_weights = true)
                {
                    ArgumentNullException.ThrowIfNull(query);
                    ArgumentNullException.ThrowIfNull(key);
                    ArgumentNullException.ThrowIfNull(value);
                    ArgumentNullException.ThrowIfNull(out_proj_weight);
                    using var scope = NewDisposeScope();
                    var batched = MhaShapeCheck(query, key, value, key_padding_mask, attn_mask, num_heads);
                    if (!batched)
                    {
                        // Pretend to be a batch of one; removed again at the end.
                        query = query.unsqueeze(1);
                        key = key.unsqueeze(1);
                        value = value.unsqueeze(1);
                        key_padding_mask = key_padding_mask?.unsqueeze(0);
                    }
                    var (tgt_len, bsz, embed_dim) = (query.size(0), query.size(1), query.size(2));
                    var src_len = key.size(0);
                    if (key_padding_mask is not null && key_padding_mask.dtype != ScalarType.Bool && !key_padding_mask.is_floating_point())
                        throw new ArgumentException($"only bool and floating types of key_padding_mask are supported, got {key_padding_mask.dtype}", nameof(key_padding_mask));
                    if (embed_dim != embed_dim_to_check)
                        throw new ArgumentException($"was expecting embedding dimension of {embed_dim_to_check}, but got {embed_dim}", nameof(query));
                    if (num_heads <= 0 || embed_dim % num_heads != 0)
                        throw new ArgumentException($"embed_dim {embed_dim} not divisible by num_heads {num_heads}", nameof(num_heads));
                    var head_dim = embed_dim / num_heads;
                    if (use_separate_proj_weight ? !key.shape[..2].SequenceEqual(value.shape[..2]) : !key.shape.SequenceEqual(value.shape))
                        throw new ArgumentException($"key shape [{string.Join(", ", key.shape)}] does not match value shape [{string.Join(", ", value.shape)}]", nameof(value));

                    var (q, k, v) = use_separate_proj_weight
                        ? InProjection(query, key, value, q_proj_weight, k_proj_weight, v_proj_weight, in_proj_bias)
                        : InProjectionPacked(query, key, value, in_proj_weight ?? throw new ArgumentNullException(nameof(in_proj_weight), "use_separate_proj_weight is false but in_proj_weight is null"), in_proj_bias);

                    if (attn_mask is not null)
                    {
                        if (attn_mask.dtype == ScalarType.Byte) attn_mask = attn_mask.to(ScalarType.Bool);
                        else if (attn_mask.dtype != ScalarType.Bool && !attn_mask.is_floating_point())
                            throw new ArgumentException($"only float, byte, and bool types are supported for attn_mask, not {attn_mask.dtype}", nameof(attn_mask));
                        long[] expected = attn_mask.dim() == 2 ? [tgt_len, src_len] : [bsz * num_heads, tgt_len, src_len];
                        if (!attn_mask.shape.SequenceEqual(expected))
                            throw new ArgumentException($"the shape of the {attn_mask.dim()}D attn_mask is [{string.Join(", ", attn_mask.shape)}], but should be [{string.Join(", ", expected)}]", nameof(attn_mask));
                        if (attn_mask.dim() == 2) attn_mask = attn_mask.unsqueeze(0);
                    }

                    if (bias_k is not null && bias_v is not null)
                    {
                        if (static_k is not null || static_v is not null) throw new ArgumentException("bias cannot be added to static key or value", nameof(bias_k));
                        k = cat([k, bias_k.repeat(1, bsz, 1)]);
                        v = cat([v, bias_v.repeat(1, bsz, 1)]);
                        attn_mask = PadOneKey(attn_mask);
                        key_padding_mask = PadOneKey(key_padding_mask);
                    }
                    else if (bias_k is not null || bias_v is not null)
                        throw new ArgumentException("bias_k and bias_v must be given together", bias_k is null ? nameof(bias_k) : nameof(bias_v));

                    // Heads become part of the batch: (N·num_heads, length, head_dim).
                    q = q.contiguous().view(tgt_len, bsz * num_heads, head_dim).transpose(0, 1);
                    k = static_k ?? k.contiguous().view(k.size(0), bsz * num_heads, head_dim).transpose(0, 1);
                    v = static_v ?? v.contiguous().view(v.size(0), bsz * num_heads, head_dim).transpose(0, 1);
                    CheckStatic(static_k, bsz * num_heads, head_dim, nameof(static_k));
                    CheckStatic(static_v, bsz * num_heads, head_dim, nameof(static_v));

                    if (add_zero_attn)
                    {
                        k = cat([k, zeros([bsz * num_heads, 1, head_dim], k.dtype, k.device)], 1);
                        v = cat([v, zeros([bsz * num_heads, 1, head_dim], v.dtype, v.device)], 1);
                        attn_mask = PadOneKey(attn_mask);
                        key_padding_mask = PadOneKey(key_padding_mask);
                    }
                    src_len = k.size(1);

                    if (key_padding_mask is not null)
                    {
                        if (!key_padding_mask.shape.SequenceEqual([bsz, src_len]))
                            throw new ArgumentException($"expecting key_padding_mask shape of [{bsz}, {src_len}], but got [{string.Join(", ", key_padding_mask.shape)}]", nameof(key_padding_mask));
                        key_padding_mask = key_padding_mask.view(bsz, 1, 1, src_len).expand(-1, num_heads, -1, -1).reshape(bsz * num_heads, 1, src_len);
                        attn_mask = attn_mask is null ? key_padding_mask
                            : attn_mask.dtype == ScalarType.Bool ? attn_mask.logical_or(key_padding_mask)
                            : attn_mask.masked_fill(key_padding_mask, double.NegativeInfinity);
                    }
                    if (attn_mask is { dtype: ScalarType.Bool })
                        attn_mask = zeros_like(attn_mask, q.dtype).masked_fill_(attn_mask, double.NegativeInfinity);
                    if (!training) dropout_p = 0.0;

                    var (attn, weights) = Attention(q / Math.Sqrt(q.size(2)), k, v, attn_mask, dropout_p);
                    var attn_output = linear(attn.transpose(0, 1).contiguous().view(tgt_len * bsz, embed_dim), out_proj_weight, out_proj_bias);
                    attn_output = attn_output.view(tgt_len, bsz, attn_output.size(1));
                    Tensor? attn_output_weights = null;
                    if (need_weights)
                    {
                        attn_output_weights = weights.view(bsz, num_heads, tgt_len, src_len);
                        if (average_attn_weights) attn_output_weights = attn_output_weights.sum(1) / num_heads;
                        if (!batched) attn_output_weights = attn_output_weights.squeeze(0);
                    }
                    if (!batched) attn_output = attn_output.squeeze(1);
                    return (attn_output.MoveToOuterDisposeScope(), attn_output_weights?.MoveToOuterDisposeScope());
                }

                /// <summary>PyTorch's _mha_shape_check: 3-D (batched) or 2-D (unbatched) inputs with matching masks.</summary>
                private static bool MhaShapeCheck(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask, Tensor? attn_mask, long num_heads)
                {
                    var dims = query.dim();
                    if (dims is not (2 or 3))
                        throw new ArgumentException($"query should be unbatched 2D or batched 3D tensor but received {dims}-D query tensor", nameof(query));
                    var batched = dims == 3;
                    if (key.dim() != dims || value.dim() != dims)
                        throw new ArgumentException($"for {dims}-D query, expected key and value to be {dims}-D but found {key.dim()}-D and {value.dim()}-D tensors respectively", nameof(key));
                    if (key_padding_mask is not null && key_padding_mask.dim() != dims - 1)
                        throw new ArgumentException($"for {dims}-D query, expected key_padding_mask to be null or {dims - 1}-D but found {key_padding_mask.dim()}-D tensor instead", nameof(key_padding_mask));
                    if (attn_mask is not null && attn_mask.dim() is not (2 or 3))
                        throw new ArgumentException($"expected attn_mask to be null, 2-D or 3-D but found {attn_mask.dim()}-D tensor instead", nameof(attn_mask));
                    if (!batched && attn_mask is { } m && m.dim() == 3 && !m.shape.SequenceEqual([num_heads, query.size(0), key.size(0)]))
                        throw new ArgumentException($"expected attn_mask shape to be [{num_heads}, {query.size(0)}, {key.size(0)}] but got [{string.Join(", ", m.shape)}]", nameof(attn_mask));
                    return batched;
                }

                /// <summary>Q, K, V from the packed (3·E, E) weight; self-attention (query = key = value) runs one matmul.</summary>
                private static (Tensor q, Tensor k, Tensor v) InProjectionPacked(Tensor q, Tensor k, Tensor v, Tensor w, Tensor? b)
                {
                    var E = q.size(-1);
                    if (ReferenceEquals(k, v))
                    {
                        if (ReferenceEquals(q, k))
                        {
                            var qkv = linear(q, w, b).chunk(3, -1);
                            return (qkv[0], qkv[1], qkv[2]);
                        }
                        var w_split = w.split([E, 2 * E]);
                        var b_split = b?.split([E, 2 * E]);
                        var kv = linear(k, w_split[1], b_split?[1]).chunk(2, -1);
                        return (linear(q, w_split[0], b_split?[0]), kv[0], kv[1]);
                    }
                    var ws = w.chunk(3);
                    var bs = b?.chunk(3);
                    return (linear(q, ws[0], bs?[0]), linear(k, ws[1], bs?[1]), linear(v, ws[2], bs?[2]));
                }

                /// <summary>Q, K, V from separate weights (E, E), (E, kdim), (E, vdim) and the packed bias.</summary>
                private static (Tensor q, Tensor k, Tensor v) InProjection(Tensor q, Tensor k, Tensor v, Tensor? w_q, Tensor? w_k, Tensor? w_v, Tensor? b)
                {
                    var (Eq, Ek, Ev) = (q.size(-1), k.size(-1), v.size(-1));
                    CheckWeight(w_q, [Eq, Eq], "q_proj_weight");
                    CheckWeight(w_k, [Eq, Ek], "k_proj_weight");
                    CheckWeight(w_v, [Eq, Ev], "v_proj_weight");
                    var bs = b?.chunk(3);
                    return (linear(q, w_q!, bs?[0]), linear(k, w_k!, bs?[1]), linear(v, w_v!, bs?[2]));
                }

                private static void CheckWeight(Tensor? weight, long[] expected, string name)
                {
                    if (weight is null) throw new ArgumentNullException(name, $"use_separate_proj_weight is true but {name} is null");
                    if (!weight.shape.SequenceEqual(expected))
                        throw new ArgumentException($"expecting {name} shape of [{string.Join(", ", expected)}], but got [{string.Join(", ", weight.shape)}]", name);
                }

                /// <summary>Lets every query attend to the key appended by bias_k or add_zero_attn: one more unmasked column.</summary>
                private static Tensor? PadOneKey(Tensor? mask) => mask is null ? null : pad(mask, [0, 1]);

                private static void CheckStatic(Tensor? state, long batchHeads, long head_dim, string name)
                {
                    if (state is not null && (state.dim() != 3 || state.size(0) != batchHeads || state.size(2) != head_dim))
                        throw new ArgumentException($"expecting {name} of shape [{batchHeads}, *, {head_dim}], but got [{string.Join(", ", state.shape)}]", name);
                }
            }
        }
    }
}

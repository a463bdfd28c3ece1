using AiLab.Torch.Modules;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// One transformer encoder layer: self-attention, then a position-wise feed-forward network
    /// linear2(dropout(activation(linear1(x)))), each inside a residual connection with layer normalisation —
    /// after the residual sum (post-norm, the original paper) or, with <see cref="norm_first"/>, on the branch input
    /// (pre-norm: x + sa(norm1(x)), then x + ff(norm2(x))).
    /// <para>Shape: src (S, N, E), (N, S, E) with batch_first, or (S, E) unbatched → the same shape.</para>
    /// <para>Submodules and parameters as in PyTorch: self_attn (<see cref="MultiheadAttention"/>), linear1
    /// (E → dim_feedforward), dropout, linear2 (dim_feedforward → E), norm1, norm2 (LayerNorm, weight 1, bias 0),
    /// dropout1, dropout2 — created in that order, so the same seed gives PyTorch's weights.</para>
    /// </summary>
    public sealed class TransformerEncoderLayer : nn.Module<Tensor, Tensor>
    {
        private readonly Func<Tensor, Tensor> _activation;

        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        /// <param name="d_model">Model width E.</param>
        /// <param name="nhead">Attention heads (must divide d_model).</param>
        /// <param name="dim_feedforward">Hidden width of the feed-forward network.</param>
        /// <param name="dropout">Dropout after attention, inside and after the feed-forward network, and on the attention weights.</param>
        /// <param name="activation"><c>relu</c> or <c>gelu</c>.</param>
        /// <param name="layer_norm_eps">eps of both layer norms.</param>
        /// <param name="batch_first">Inputs and outputs are (N, S, E).</param>
        /// <param name="norm_first">Pre-norm instead of post-norm.</param>
        /// <param name="device">Where to create the parameters.</param>
        /// <param name="dtype">Parameter dtype.</param>
        public TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1, string activation = "relu",
            double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false, Device? device = null, ScalarType? dtype = null)
            : base(nameof(TransformerEncoderLayer))
        {
            if (dim_feedforward <= 0) throw new ArgumentOutOfRangeException(nameof(dim_feedforward), dim_feedforward, "dim_feedforward must be positive");
            _activation = activation switch
            {
                "relu" => x => x.relu(),
                "gelu" => x => x.gelu(),
                _ => throw new ArgumentException($"activation should be relu/gelu, not {activation}", nameof(activation)),
            };
            this.activation = activation;
            this.norm_first = norm_first;
            this.batch_first = batch_first;
            this.d_model = d_model;
            this.nhead = nhead;
            this.dim_feedforward = dim_feedforward;
            this.layer_norm_eps = layer_norm_eps;
            self_attn = new MultiheadAttention(d_model, nhead, dropout, batch_first: batch_first, device: device, dtype: dtype);
            linear1 = new Linear(d_model, dim_feedforward, device: device, dtype: dtype);
            this.dropout = new Dropout(dropout);
            linear2 = new Linear(dim_feedforward, d_model, device: device, dtype: dtype);
            norm1 = new LayerNorm(d_model, layer_norm_eps, device: device, dtype: dtype);
            norm2 = new LayerNorm(d_model, layer_norm_eps, device: device, dtype: dtype);
            dropout1 = new Dropout(dropout);
            dropout2 = new Dropout(dropout);
            RegisterComponents();
        }

        // Declaration order is registration order (PyTorch's): self_attn, linear1, dropout, linear2, norm1, norm2, dropout1, dropout2.

        /// <summary>Self-attention over the sequence.</summary>
        public MultiheadAttention self_attn { get; }
        /// <summary>First feed-forward layer (d_model → dim_feedforward).</summary>
        public Linear linear1 { get; }
        /// <summary>Dropout inside the feed-forward network.</summary>
        public Dropout dropout { get; }
        /// <summary>Second feed-forward layer (dim_feedforward → d_model).</summary>
        public Linear linear2 { get; }
        /// <summary>Layer norm of the attention block.</summary>
        public LayerNorm norm1 { get; }
        /// <summary>Layer norm of the feed-forward block.</summary>
        public LayerNorm norm2 { get; }
        /// <summary>Dropout on the attention block's output.</summary>
        public Dropout dropout1 { get; }
        /// <summary>Dropout on the feed-forward block's output.</summary>
        public Dropout dropout2 { get; }

        /// <summary>Model width E.</summary>
        public long d_model { get; }
        /// <summary>Attention heads.</summary>
        public long nhead { get; }
        /// <summary>Hidden width of the feed-forward network.</summary>
        public long dim_feedforward { get; }
        /// <summary>eps of the layer norms.</summary>
        public double layer_norm_eps { get; }
        /// <summary>The feed-forward activation, <c>relu</c> or <c>gelu</c>.</summary>
        public string activation { get; }
        /// <summary>Pre-norm (true) or post-norm (false).</summary>
        public bool norm_first { get; }
        /// <summary>True when inputs and outputs are (N, S, E).</summary>
        public bool batch_first { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => forward(input, src_mask: null);

        /// <summary>Encodes <paramref name="src"/>.</summary>
        /// <param name="src">(S, N, E), (N, S, E) with batch_first, or (S, E).</param>
        /// <param name="src_mask">(S, S) or (N·nhead, S, S) attention mask: true (bool) forbids attending, a float mask is added
        /// (e.g. <see cref="nn.Transformer.generate_square_subsequent_mask"/>).</param>
        /// <param name="src_key_padding_mask">(N, S): true marks padding positions no query attends to.</param>
        public Tensor forward(Tensor src, Tensor? src_mask = null, Tensor? src_key_padding_mask = null)
        {
            ArgumentNullException.ThrowIfNull(src);
            if (src_key_padding_mask is not null && src_key_padding_mask.dtype != ScalarType.Bool && !src_key_padding_mask.is_floating_point())
                throw new ArgumentException($"only bool and floating types of key_padding_mask are supported, got {src_key_padding_mask.dtype}", nameof(src_key_padding_mask));
            using var scope = NewDisposeScope();
            var x = src;
            if (norm_first)
            {
                x = x + SelfAttentionBlock(norm1.forward(x), src_mask, src_key_padding_mask);
                x = x + FeedForwardBlock(norm2.forward(x));
            }
            else
            {
                x = norm1.forward(x + SelfAttentionBlock(x, src_mask, src_key_padding_mask));
                x = norm2.forward(x + FeedForwardBlock(x));
            }
            return x.MoveToOuterDisposeScope();
        }

        private Tensor SelfAttentionBlock(Tensor x, Tensor? attn_mask, Tensor? key_padding_mask) =>
            dropout1.forward(self_attn.forward(x, x, x, key_padding_mask: key_padding_mask, need_weights: false, attn_mask: attn_mask).attn_output);

        private Tensor FeedForwardBlock(Tensor x) => dropout2.forward(linear2.forward(dropout.forward(_activation(linear1.forward(x)))));

        /// <summary>A new layer with the same configuration, parameter values and mode (for <see cref="TransformerEncoder"/>).</summary>
        internal TransformerEncoderLayer Copy()
        {
            var template = self_attn.out_proj.weight;
            var copy = new TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout.p, activation, layer_norm_eps, batch_first, norm_first,
                template.device, template.dtype);
            using (NewDisposeScope()) copy.load_state_dict(state_dict());
            copy.train(training);
            return copy;
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A transformer encoder layer: see <see cref="Modules.TransformerEncoderLayer"/>.</summary>
            public static TransformerEncoderLayer TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1,
                string activation = "relu", double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
                Device? device = null, ScalarType? dtype = null) =>
                new(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first, device, dtype);

            /// <summary>Helpers of PyTorch's <c>nn.Transformer</c>.</summary>
            public static class Transformer
            {
                /// <summary>
                /// The causal mask for a sequence of <paramref name="sz"/>: a float (sz, sz) matrix with 0 on and below the
                /// diagonal and −∞ above it, so position i attends only to positions j ≤ i when added to the attention scores.
                /// </summary>
                public static Tensor generate_square_subsequent_mask(long sz, Device? device = null, ScalarType? dtype = null)
                {
                    if (sz < 0) throw new ArgumentOutOfRangeException(nameof(sz), sz, "size must be non-negative");
                    return functional.CausalMask(sz, sz, dtype ?? float32, device ?? Device.CPU);
                }
            }
        }
    }
}

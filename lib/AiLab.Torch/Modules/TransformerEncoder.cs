using AiLab.Torch.Modules;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A stack of <see cref="num_layers"/> encoder layers, each one's output the next one's input, and an optional final
    /// norm (e.g. after pre-norm layers).
    /// <para>Shape: src (S, N, E), (N, S, E) with batch_first layers, or (S, E) → the same shape.</para>
    /// <para>Submodules as in PyTorch: layers.0 … layers.{num_layers−1}, then norm when given. Like PyTorch's
    /// deep copies, every layer starts with the weights of <c>encoder_layer</c>.</para>
    /// </summary>
    public sealed class TransformerEncoder : nn.Module<Tensor, Tensor>
    {
        /// <summary>
        /// Stacks <paramref name="encoder_layer"/> and <paramref name="num_layers"/> − 1 copies of it. The encoder owns
        /// <paramref name="encoder_layer"/> (it becomes <c>layers[0]</c>) and <paramref name="norm"/>.
        /// </summary>
        /// <remarks>The copies are built as new layers and then given encoder_layer's values, so unlike Python's deepcopy
        /// they draw from the random generator: modules created after the encoder start from different values than in PyTorch.</remarks>
        public TransformerEncoder(TransformerEncoderLayer encoder_layer, long num_layers, nn.Module<Tensor, Tensor>? norm = null)
            : base(nameof(TransformerEncoder))
        {
            ArgumentNullException.ThrowIfNull(encoder_layer);
            if (num_layers <= 0) throw new ArgumentOutOfRangeException(nameof(num_layers), num_layers, "num_layers must be positive");
            var stack = new List<TransformerEncoderLayer> { encoder_layer };
            for (var k = 1; k < num_layers; k++) stack.Add(encoder_layer.Copy());
            layers = new ModuleList<TransformerEncoderLayer>(stack);
            this.num_layers = num_layers;
            this.norm = norm;
            RegisterComponents();
        }

        /// <summary>The encoder layers, applied in order.</summary>
        public ModuleList<TransformerEncoderLayer> layers { get; }
        /// <summary>Number of layers.</summary>
        public long num_layers { get; }
        /// <summary>The final normalisation, or null.</summary>
        public nn.Module<Tensor, Tensor>? norm { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => forward(input, mask: null);

        /// <summary>Encodes <paramref name="src"/> through every layer (then <see cref="norm"/>).</summary>
        /// <param name="src">(S, N, E), (N, S, E) with batch_first layers, or (S, E).</param>
        /// <param name="mask">(S, S) attention mask for every layer (e.g. <see cref="nn.Transformer.generate_square_subsequent_mask"/>).</param>
        /// <param name="src_key_padding_mask">(N, S): true marks padding positions.</param>
        public Tensor forward(Tensor src, Tensor? mask = null, Tensor? src_key_padding_mask = null)
        {
            ArgumentNullException.ThrowIfNull(src);
            using var scope = NewDisposeScope();
            var output = src;
            foreach (var layer in layers) output = layer.forward(output, mask, src_key_padding_mask);
            if (norm is not null) output = norm.forward(output);
            return output.MoveToOuterDisposeScope(); // num_layers ≥ 1, so output is never src
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A stack of transformer encoder layers: see <see cref="Modules.TransformerEncoder"/>.</summary>
            public static TransformerEncoder TransformerEncoder(TransformerEncoderLayer encoder_layer, long num_layers, Module<Tensor, Tensor>? norm = null) =>
                new(encoder_layer, num_layers, norm);
        }
    }
}

using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Layer normalisation: y = (x − E[x]) / √(Var[x] + eps) · γ + β, with mean and (biased) variance over the last
    /// D dimensions given by normalized_shape, separately for every sample; the same computation in training and eval.
    /// <para>Arguments: normalized_shape (an int for the last dimension, or the shape of the last D dimensions); eps = 1e-5;
    /// elementwise_affine = true (learnable per-element γ and β).</para>
    /// <para>Shape: input (N, *) → output of the same shape; the trailing dimensions must equal normalized_shape.</para>
    /// <para>Attributes: weight γ (normalized_shape) = 1, bias β (normalized_shape) = 0.</para>
    /// </summary>
    public sealed class LayerNorm : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer with γ = 1, β = 0.</summary>
        public LayerNorm(IntOrTuple normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
            : base(nameof(LayerNorm))
        {
            this.normalized_shape = normalized_shape.ToArray();
            if (this.normalized_shape.Length == 0 || this.normalized_shape.Any(s => s <= 0))
                throw new ArgumentException($"normalized_shape must be non-empty and positive, got {PyRepr.Tuple(this.normalized_shape)}", nameof(normalized_shape));
            this.eps = eps;
            this.elementwise_affine = elementwise_affine;
            if (elementwise_affine)
            {
                weight = new nn.Parameter(empty(this.normalized_shape, dtype, device));
                bias = new nn.Parameter(empty(this.normalized_shape, dtype, device));
            }
            reset_parameters();
            RegisterComponents();
        }

        /// <summary>Shape of the trailing dimensions normalised over.</summary>
        public long[] normalized_shape { get; }
        /// <summary>Added to the variance for numerical stability.</summary>
        public double eps { get; }
        /// <summary>Whether γ and β exist.</summary>
        public bool elementwise_affine { get; }
        /// <summary>γ (normalized_shape), initialised to 1; null without elementwise_affine.</summary>
        public nn.Parameter? weight { get; }
        /// <summary>β (normalized_shape), initialised to 0; null without elementwise_affine.</summary>
        public nn.Parameter? bias { get; }

        /// <summary>Sets γ = 1, β = 0.</summary>
        public void reset_parameters()
        {
            if (!elementwise_affine) return;
            nn.init.ones_(weight!);
            nn.init.zeros_(bias!);
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);

        /// <inheritdoc/>
        protected override string extra_repr() =>
            $"{PyRepr.Tuple(normalized_shape)}, eps={PyRepr.Float(eps)}, elementwise_affine={PyRepr.Bool(elementwise_affine)}";
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Layer normalisation over the trailing dimensions: see <see cref="Modules.LayerNorm"/>.</summary>
            public static LayerNorm LayerNorm(IntOrTuple normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null) =>
                new(normalized_shape, eps, elementwise_affine, device, dtype);

            public static partial class functional
            {
                private static readonly Op s_layer_norm = new("aten::layer_norm");

                /// <summary>Layer normalisation over the trailing dimensions <paramref name="normalized_shape"/>: see <see cref="Modules.LayerNorm"/>.</summary>
                public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                    // The last argument is cudnn_enable, as torch.backends.cudnn.enabled (true by default) passes it.
                    s_layer_norm.Call(input, normalized_shape, weight, bias, eps, true);
            }
        }
    }
}

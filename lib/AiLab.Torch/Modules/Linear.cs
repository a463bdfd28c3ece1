using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{

    /// <summary>
    /// y = x·Wᵀ + b. Shape: input (*, in_features) → output (*, out_features).
    /// weight (out_features, in_features) and bias (out_features) start as U(−1/√in_features, 1/√in_features), as in PyTorch.
    /// </summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer with PyTorch's default initialization.</summary>
        public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
        {
            this.in_features = in_features;
            this.out_features = out_features;
            weight = new nn.Parameter(empty([out_features, in_features], dtype, device));
            // kaiming_uniform_(a=√5) gives U(−1/√fan_in, 1/√fan_in) — PyTorch's long-standing default.
            nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
            if (bias)
            {
                this.bias = new nn.Parameter(empty([out_features], dtype, device));
                var bound = in_features > 0 ? 1 / Math.Sqrt(in_features) : 0;
                nn.init.uniform_(this.bias, -bound, bound);
            }
            RegisterComponents();
        }

        /// <summary>Input size.</summary>
        public long in_features { get; }
        /// <summary>Output size.</summary>
        public long out_features { get; }
        /// <summary>(out_features, in_features).</summary>
        public nn.Parameter weight { get; }
        /// <summary>(out_features), or null without bias.</summary>
        public nn.Parameter? bias { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);

        /// <inheritdoc/>
        protected override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={(bias is not null ? "True" : "False")}";
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer: see <see cref="Modules.Linear"/>.</summary>
            public static Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_features, out_features, bias, device, dtype);

            public static partial class functional
            {
                private static readonly Op s_linear = new("aten::linear");

                /// <summary>x·Wᵀ + b.</summary>
                public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) => s_linear.Call(input, weight, bias);
            }
        }
    }
}

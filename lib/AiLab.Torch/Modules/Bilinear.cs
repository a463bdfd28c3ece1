using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// A bilinear map of two inputs: y_k = x1ᵀ·A_k·x2 + b_k for each output feature k.
    /// <para>Arguments: in1_features, in2_features, out_features; bias = true.</para>
    /// <para>Shape: input1 (*, in1_features) and input2 (*, in2_features), the same leading dimensions → output (*, out_features).</para>
    /// <para>Attributes: weight (out_features, in1_features, in2_features) and bias (out_features), both U(−√k, √k) with
    /// k = 1/in1_features.</para>
    /// </summary>
    public sealed class Bilinear : nn.Module<Tensor, Tensor, Tensor>
    {
        /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
        public Bilinear(long in1_features, long in2_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Bilinear))
        {
            if (in1_features <= 0) throw new ArgumentOutOfRangeException(nameof(in1_features), in1_features, "in1_features must be positive");
            if (in2_features <= 0) throw new ArgumentOutOfRangeException(nameof(in2_features), in2_features, "in2_features must be positive");
            if (out_features <= 0) throw new ArgumentOutOfRangeException(nameof(out_features), out_features, "out_features must be positive");
            this.in1_features = in1_features;
            this.in2_features = in2_features;
            this.out_features = out_features;
            weight = new nn.Parameter(empty([out_features, in1_features, in2_features], dtype, device));
            if (bias) this.bias = new nn.Parameter(empty([out_features], dtype, device));
            reset_parameters();
            RegisterComponents();
        }

        /// <summary>Size of the first input.</summary>
        public long in1_features { get; }
        /// <summary>Size of the second input.</summary>
        public long in2_features { get; }
        /// <summary>Output size.</summary>
        public long out_features { get; }
        /// <summary>A (out_features, in1_features, in2_features).</summary>
        public nn.Parameter weight { get; }
        /// <summary>b (out_features), or null without bias.</summary>
        public nn.Parameter? bias { get; }

        /// <summary>Re-draws weight and bias from U(−1/√in1_features, 1/√in1_features).</summary>
        public void reset_parameters()
        {
            var bound = 1 / Math.Sqrt(in1_features);
            nn.init.uniform_(weight, -bound, bound);
            if (bias is not null) nn.init.uniform_(bias, -bound, bound);
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input1, Tensor input2) => nn.functional.bilinear(input1, input2, weight, bias);

        /// <inheritdoc/>
        protected override string extra_repr() =>
            $"in1_features={in1_features}, in2_features={in2_features}, out_features={out_features}, bias={PyRepr.Bool(bias is not null)}";
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A bilinear layer x1ᵀ·A·x2 + b: see <see cref="Modules.Bilinear"/>.</summary>
            public static Bilinear Bilinear(long in1_features, long in2_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in1_features, in2_features, out_features, bias, device, dtype);

            public static partial class functional
            {
                private static readonly Op s_bilinear = new("aten::bilinear");

                /// <summary>y_k = input1ᵀ·weight_k·input2 + bias_k: see <see cref="Modules.Bilinear"/>.</summary>
                public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias = null) => s_bilinear.Call(input1, input2, weight, bias);
            }
        }
    }
}

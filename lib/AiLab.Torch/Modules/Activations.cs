using AiLab.Torch.Modules;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>A parameter-free module applying a function elementwise (shape unchanged).</summary>
    public sealed class Activation : nn.Module<Tensor, Tensor>
    {
        private readonly Func<Tensor, Tensor> _function;
        private readonly string _repr;

        internal Activation(string name, Func<Tensor, Tensor> function, string repr = "") : base(name)
        {
            _function = function;
            _repr = repr;
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => _function(input);

        /// <inheritdoc/>
        protected override string extra_repr() => _repr;
    }

    /// <summary>Randomly zeroes elements with probability p while training (scaling the rest by 1/(1−p)); identity in eval mode.</summary>
    public sealed class Dropout(double p = 0.5) : nn.Module<Tensor, Tensor>(nameof(Dropout))
    {
        /// <summary>The drop probability.</summary>
        public double p { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1");

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => nn.functional.dropout(input, p, training);

        /// <inheritdoc/>
        protected override string extra_repr() => $"p={p}";
    }

    /// <summary>Flattens dims start_dim…end_dim: (N, C, H, W) → (N, C·H·W) by default.</summary>
    public sealed class Flatten(long start_dim = 1, long end_dim = -1) : nn.Module<Tensor, Tensor>(nameof(Flatten))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);

        /// <inheritdoc/>
        protected override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
    }

    /// <summary>Returns its input (a placeholder, e.g. to switch a layer off).</summary>
    public sealed class Identity() : nn.Module<Tensor, Tensor>(nameof(Identity))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => input.alias();
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>max(0, x).</summary>
            public static Activation ReLU() => new(nameof(ReLU), x => x.relu());
            /// <summary>x for x ≥ 0, negative_slope·x otherwise.</summary>
            public static Activation LeakyReLU(double negative_slope = 0.01) => new(nameof(LeakyReLU), x => x.leaky_relu(negative_slope), $"negative_slope={negative_slope}");
            /// <summary>x·Φ(x).</summary>
            public static Activation GELU(string approximate = "none") => new(nameof(GELU), x => x.gelu(approximate), $"approximate='{approximate}'");
            /// <summary>x for x &gt; 0, alpha·(eˣ − 1) otherwise.</summary>
            public static Activation ELU(double alpha = 1.0) => new(nameof(ELU), x => x.elu(alpha), $"alpha={alpha}");
            /// <summary>x·sigmoid(x).</summary>
            public static Activation SiLU() => new(nameof(SiLU), x => x.silu());
            /// <summary>1 / (1 + e⁻ˣ).</summary>
            public static Activation Sigmoid() => new(nameof(Sigmoid), x => x.sigmoid());
            /// <summary>tanh(x).</summary>
            public static Activation Tanh() => new(nameof(Tanh), x => x.tanh());
            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Activation Softmax(long dim) => new(nameof(Softmax), x => x.softmax(dim), $"dim={dim}");
            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static Activation LogSoftmax(long dim) => new(nameof(LogSoftmax), x => x.log_softmax(dim), $"dim={dim}");
            /// <summary>Dropout with probability <paramref name="p"/>.</summary>
            public static Dropout Dropout(double p = 0.5) => new(p);
            /// <summary>Flattens dims start_dim…end_dim.</summary>
            public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
            /// <summary>The identity.</summary>
            public static Identity Identity() => new();
        }
    }
}

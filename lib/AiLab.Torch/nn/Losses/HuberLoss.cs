using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Huber loss: 0.5·d² for |d| ≤ δ, δ·(|d| − 0.5·δ) beyond (d = x − y); robust to outliers, with a gradient
    /// bounded by δ. Shape: input and target of one shape.
    /// </summary>
    public sealed class HuberLoss(string reduction = "mean", double delta = 1.0) : Loss(nameof(HuberLoss), reduction)
    {
        /// <summary>Where the loss turns from quadratic to linear, &gt; 0.</summary>
        public double delta { get; } = LossChecks.Positive(delta, nameof(delta));

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.huber_loss(input, target, reduction, delta);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Huber loss: see <see cref="Modules.HuberLoss"/>.</summary>
            public static HuberLoss HuberLoss(string reduction = "mean", double delta = 1.0) => new(reduction, delta);

            public static partial class functional
            {
                private static readonly Op s_huber_loss = new("aten::huber_loss");

                /// <summary>Huber loss: 0.5·d² for |d| ≤ δ, else δ·(|d| − 0.5·δ).</summary>
                public static Tensor huber_loss(Tensor input, Tensor target, string reduction = "mean", double delta = 1.0)
                {
                    LossChecks.SameShape(input, target, nameof(huber_loss));
                    LossChecks.Positive(delta, nameof(delta));
                    return s_huber_loss.Call(input, target, Reduction.ToEnum(reduction), delta);
                }
            }
        }
    }
}

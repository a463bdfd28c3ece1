using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Smooth L1: 0.5·d²/β for |d| &lt; β, |d| − 0.5·β beyond (d = x − y); quadratic near zero, linear for outliers.
    /// Equals <see cref="HuberLoss"/>/β when β = δ; β = 0 is L1. Shape: input and target of one shape.
    /// </summary>
    public sealed class SmoothL1Loss(string reduction = "mean", double beta = 1.0) : Loss(nameof(SmoothL1Loss), reduction)
    {
        /// <summary>Where the loss turns from quadratic to linear, ≥ 0.</summary>
        public double beta { get; } = LossChecks.NonNegative(beta, nameof(beta));

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.smooth_l1_loss(input, target, reduction, beta);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Smooth L1 loss: see <see cref="Modules.SmoothL1Loss"/>.</summary>
            public static SmoothL1Loss SmoothL1Loss(string reduction = "mean", double beta = 1.0) => new(reduction, beta);

            public static partial class functional
            {
                private static readonly Op s_smooth_l1_loss = new("aten::smooth_l1_loss");

                /// <summary>Smooth L1: 0.5·d²/β for |d| &lt; β, else |d| − 0.5·β. Like PyTorch, β = 0 computes the L1 loss
                /// (the formula would divide by zero).</summary>
                public static Tensor smooth_l1_loss(Tensor input, Tensor target, string reduction = "mean", double beta = 1.0)
                {
                    LossChecks.SameShape(input, target, nameof(smooth_l1_loss));
                    LossChecks.NonNegative(beta, nameof(beta));
                    return beta == 0
                        ? l1_loss(input, target, reduction)
                        : s_smooth_l1_loss.Call(input, target, Reduction.ToEnum(reduction), beta);
                }
            }
        }
    }
}

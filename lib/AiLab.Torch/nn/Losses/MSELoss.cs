using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>Mean squared error (x − y)² (L2 loss). Shape: input and target of one shape.</summary>
    public sealed class MSELoss(string reduction = "mean") : Loss(nameof(MSELoss), reduction)
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Squared error: see <see cref="Modules.MSELoss"/>.</summary>
            public static MSELoss MSELoss(string reduction = "mean") => new(reduction);

            public static partial class functional
            {
                private static readonly Op s_mse_loss = new("aten::mse_loss");

                /// <summary>Squared error (x − y)², averaged ("mean"), summed ("sum") or per element ("none").
                /// Input and target must have the same shape (no silent broadcasting).</summary>
                public static Tensor mse_loss(Tensor input, Tensor target, string reduction = "mean")
                {
                    LossChecks.SameShape(input, target, nameof(mse_loss));
                    return s_mse_loss.Call(input, target, Reduction.ToEnum(reduction));
                }
            }
        }
    }
}

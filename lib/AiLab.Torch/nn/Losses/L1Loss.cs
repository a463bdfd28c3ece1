using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>Absolute error |x − y| (mean absolute error). Shape: input and target of one shape.</summary>
    public sealed class L1Loss(string reduction = "mean") : Loss(nameof(L1Loss), reduction)
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.l1_loss(input, target, reduction);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Absolute error: see <see cref="Modules.L1Loss"/>.</summary>
            public static L1Loss L1Loss(string reduction = "mean") => new(reduction);

            public static partial class functional
            {
                private static readonly Op s_l1_loss = new("aten::l1_loss");

                /// <summary>Absolute error |x − y|, averaged, summed or per element. Input and target must have the same shape.</summary>
                public static Tensor l1_loss(Tensor input, Tensor target, string reduction = "mean")
                {
                    LossChecks.SameShape(input, target, nameof(l1_loss));
                    return s_l1_loss.Call(input, target, Reduction.ToEnum(reduction));
                }
            }
        }
    }
}

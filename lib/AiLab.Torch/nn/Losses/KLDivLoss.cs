using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Kullback–Leibler divergence KL(target ‖ q) with q given as log-probabilities: target·(log target − input).
    /// The target holds probabilities, or log-probabilities with <see cref="log_target"/> (PyTorch's default is
    /// false; TorchSharp's differs). Use reduction "batchmean" for the true KL per sample; "mean" also divides by
    /// the number of classes. Shape: input and target of one shape, (N, C) typically.
    /// </summary>
    public sealed class KLDivLoss : Loss
    {
        /// <summary>Creates the loss.</summary>
        public KLDivLoss(string reduction = "mean", bool log_target = false) : base(nameof(KLDivLoss), reduction, batchmean: true) =>
            this.log_target = log_target;

        /// <summary>True when the target holds log-probabilities.</summary>
        public bool log_target { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.kl_div(input, target, reduction, log_target);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>KL divergence: see <see cref="Modules.KLDivLoss"/>.</summary>
            public static KLDivLoss KLDivLoss(string reduction = "mean", bool log_target = false) => new(reduction, log_target);

            public static partial class functional
            {
                private static readonly Op s_kl_div = new("aten::kl_div");

                /// <summary>
                /// KL divergence Σ target·(log target − input) for log-probabilities <paramref name="input"/>. "batchmean"
                /// divides the sum by the batch size (the mathematical KL per sample); "mean" divides by every element.
                /// </summary>
                /// <param name="input">Log-probabilities (e.g. from log_softmax).</param>
                /// <param name="target">Probabilities, or log-probabilities when <paramref name="log_target"/>.</param>
                /// <param name="reduction">"mean", "batchmean", "sum" or "none".</param>
                /// <param name="log_target">True when <paramref name="target"/> is given in log space (PyTorch's default: false).</param>
                public static Tensor kl_div(Tensor input, Tensor target, string reduction = "mean", bool log_target = false)
                {
                    LossChecks.SameShape(input, target, nameof(kl_div));
                    // "batchmean" is not an ATen reduction: PyTorch sums, then divides by the batch size.
                    if (Reduction.Check(reduction, batchmean: true) != "batchmean") return s_kl_div.Call(input, target, Reduction.ToEnum(reduction), log_target);
                    using var sum = s_kl_div.Call(input, target, Reduction.ToEnum("sum"), log_target);
                    return input.dim() == 0 ? sum.alias() : sum / input.size(0);
                }
            }
        }
    }
}

using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Negative log-likelihood of class targets given log-probabilities: −w[yₙ]·xₙ[yₙ], averaged by the summed
    /// weights of the non-ignored samples. Use after <c>log_softmax</c> (or use <see cref="CrossEntropyLoss"/> on logits).
    /// Shape: input (N, C), (C) or (N, C, d₁, …); target (N), () or (N, d₁, …) of int64 class indices.
    /// </summary>
    public sealed class NLLLoss : Loss
    {
        /// <summary>Creates the loss; <paramref name="weight"/> (C) is shared, not copied.</summary>
        public NLLLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean") : base(nameof(NLLLoss), reduction)
        {
            this.weight = weight?.detach();
            this.ignore_index = ignore_index;
            RegisterComponents();
        }

        /// <summary>Per-class weights (C), or null; a buffer of this module.</summary>
        public Tensor? weight { get; }

        /// <summary>Target value whose samples contribute neither loss nor gradient.</summary>
        public long ignore_index { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.nll_loss(input, target, weight, ignore_index, reduction);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Negative log-likelihood: see <see cref="Modules.NLLLoss"/>.</summary>
            public static NLLLoss NLLLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean") => new(weight, ignore_index, reduction);

            public static partial class functional
            {
                private static readonly Op s_nll_loss_nd = new("aten::nll_loss_nd");

                /// <summary>
                /// Negative log-likelihood: −<paramref name="weight"/>[y]·input[y] per sample, for log-probabilities
                /// <paramref name="input"/> (N, C) and int64 class indices <paramref name="target"/> (N). "mean" divides by
                /// the summed weights of the non-ignored samples (NaN when every sample is ignored).
                /// </summary>
                /// <param name="input">Log-probabilities, (N, C), (C) or (N, C, d₁, …).</param>
                /// <param name="target">Class indices in [0, C), int64.</param>
                /// <param name="weight">Optional rescaling weight per class, (C).</param>
                /// <param name="ignore_index">Target value to ignore.</param>
                /// <param name="reduction">"mean", "sum" or "none".</param>
                public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, string reduction = "mean") =>
                    s_nll_loss_nd.Call(input, target, weight, Reduction.ToEnum(reduction), ignore_index);
            }
        }
    }
}

using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Cross-entropy between logits and class targets: −w[yₙ]·log softmax(xₙ)[yₙ], averaged over the
    /// non-ignored samples by the sum of their class weights (see <see cref="nn.functional.cross_entropy"/>).
    /// Shape: input (N, C), (C) or (N, C, d₁, …); target (N), () or (N, d₁, …) of int64 class indices, or
    /// class probabilities of the input's shape. Output: a scalar, or the target's batch shape with "none".
    /// </summary>
    public sealed class CrossEntropyLoss : Loss
    {
        /// <summary>Creates the loss; <paramref name="weight"/> (C) is shared, not copied.</summary>
        public CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean", double label_smoothing = 0.0)
            : base(nameof(CrossEntropyLoss), reduction)
        {
            this.weight = weight?.detach();
            this.ignore_index = ignore_index;
            this.label_smoothing = LossChecks.LabelSmoothing(label_smoothing);
            RegisterComponents();
        }

        /// <summary>Per-class weights (C), or null; a buffer of this module.</summary>
        public Tensor? weight { get; }

        /// <summary>Target value whose samples contribute neither loss nor gradient.</summary>
        public long ignore_index { get; }

        /// <summary>Probability mass spread uniformly over the classes, in [0, 1].</summary>
        public double label_smoothing { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Cross-entropy on logits: see <see cref="Modules.CrossEntropyLoss"/>.</summary>
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean", double label_smoothing = 0.0) =>
                new(weight, ignore_index, reduction, label_smoothing);

            public static partial class functional
            {
                private static readonly Op s_cross_entropy_loss = new("aten::cross_entropy_loss");

                /// <summary>
                /// Cross-entropy between <paramref name="input"/> logits (N, C) and <paramref name="target"/>: int64
                /// class indices (N), or class probabilities (N, C). With indices, "mean" divides by the summed
                /// <paramref name="weight"/> of the non-ignored samples (NaN when every sample is ignored).
                /// <paramref name="label_smoothing"/> ε mixes the target with the uniform distribution:
                /// (1 − ε)·target + ε/C. Extra dimensions after C are positions classified independently.
                /// </summary>
                /// <param name="input">Unnormalized scores (logits), (N, C), (C) or (N, C, d₁, …).</param>
                /// <param name="target">Class indices in [0, C) (int64), or probabilities with the input's shape.</param>
                /// <param name="weight">Optional rescaling weight per class, (C).</param>
                /// <param name="ignore_index">Target value to ignore (only with class indices).</param>
                /// <param name="reduction">"mean", "sum" or "none".</param>
                /// <param name="label_smoothing">ε in [0, 1].</param>
                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                    string reduction = "mean", double label_smoothing = 0.0) =>
                    s_cross_entropy_loss.Call(input, target, weight, Reduction.ToEnum(reduction), ignore_index, LossChecks.LabelSmoothing(label_smoothing));
            }
        }
    }
}

using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Sigmoid and binary cross-entropy in one numerically stable step:
    /// −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))], where <see cref="pos_weight"/> p (one per class, broadcast over the
    /// last dimension) trades recall against precision (p = negatives/positives balances the classes).
    /// Shape: input and target of any one shape; output a scalar, or that shape with "none".
    /// </summary>
    public sealed class BCEWithLogitsLoss : Loss
    {
        /// <summary>Creates the loss; the weight tensors are shared, not copied.</summary>
        public BCEWithLogitsLoss(Tensor? weight = null, string reduction = "mean", Tensor? pos_weight = null) : base(nameof(BCEWithLogitsLoss), reduction)
        {
            this.weight = weight?.detach();
            this.pos_weight = pos_weight?.detach();
            RegisterComponents();
        }

        /// <summary>Rescaling weight per element (broadcast), or null; a buffer of this module.</summary>
        public Tensor? weight { get; }

        /// <summary>Weight of the positive term per class (broadcast over the last dimension), or null; a buffer.</summary>
        public Tensor? pos_weight { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Binary cross-entropy on logits: see <see cref="Modules.BCEWithLogitsLoss"/>.</summary>
            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, string reduction = "mean", Tensor? pos_weight = null) =>
                new(weight, reduction, pos_weight);

            public static partial class functional
            {
                private static readonly Op s_binary_cross_entropy_with_logits = new("aten::binary_cross_entropy_with_logits");

                /// <summary>
                /// Binary cross-entropy of σ(<paramref name="input"/>) against <paramref name="target"/>, computed from the
                /// logits without overflow (|x| = 100 is fine): −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))].
                /// </summary>
                /// <param name="input">Logits.</param>
                /// <param name="target">Targets in [0, 1], the input's shape.</param>
                /// <param name="weight">Optional weight that broadcasts to the input's shape.</param>
                /// <param name="reduction">"mean", "sum" or "none".</param>
                /// <param name="pos_weight">Optional weight of positive examples per class, broadcast over the last dimension.</param>
                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean", Tensor? pos_weight = null)
                {
                    LossChecks.SameShape(input, target, nameof(binary_cross_entropy_with_logits));
                    return s_binary_cross_entropy_with_logits.Call(input, target, weight, pos_weight, Reduction.ToEnum(reduction));
                }
            }
        }
    }
}

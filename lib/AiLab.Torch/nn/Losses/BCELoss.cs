using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// Binary cross-entropy between probabilities and targets in [0, 1]: −w·[y·log x + (1 − y)·log(1 − x)],
    /// with the logs clamped at −100 like PyTorch. Prefer <see cref="BCEWithLogitsLoss"/> on logits (stabler).
    /// Shape: input and target of any one shape; output a scalar, or that shape with "none".
    /// </summary>
    public sealed class BCELoss : Loss
    {
        /// <summary>Creates the loss; <paramref name="weight"/> broadcasts against the target and is shared, not copied.</summary>
        public BCELoss(Tensor? weight = null, string reduction = "mean") : base(nameof(BCELoss), reduction)
        {
            this.weight = weight?.detach();
            RegisterComponents();
        }

        /// <summary>Rescaling weight per element (broadcast), or null; a buffer of this module.</summary>
        public Tensor? weight { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy(input, target, weight, reduction);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Binary cross-entropy on probabilities: see <see cref="Modules.BCELoss"/>.</summary>
            public static BCELoss BCELoss(Tensor? weight = null, string reduction = "mean") => new(weight, reduction);

            public static partial class functional
            {
                private static readonly Op s_binary_cross_entropy = new("aten::binary_cross_entropy");

                /// <summary>
                /// Binary cross-entropy −w·[y·log x + (1 − y)·log(1 − x)] for probabilities <paramref name="input"/> in [0, 1]
                /// and targets of the same shape (soft targets allowed). Logs are clamped at −100, so x = 0 or 1 stays finite.
                /// </summary>
                /// <param name="input">Probabilities in [0, 1].</param>
                /// <param name="target">Targets in [0, 1], the input's shape.</param>
                /// <param name="weight">Optional weight that broadcasts to the target's shape (e.g. one per column).</param>
                /// <param name="reduction">"mean", "sum" or "none".</param>
                public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean")
                {
                    LossChecks.SameShape(input, target, nameof(binary_cross_entropy));
                    var code = Reduction.ToEnum(reduction);
                    if (weight is null) return s_binary_cross_entropy.Call(input, target, Arg.None, code);
                    // ATen wants the weight at the target's size; PyTorch expands it first (a view, no copy).
                    using var expanded = weight.expand(target.shape);
                    return s_binary_cross_entropy.Call(input, target, expanded, code);
                }
            }
        }
    }
}

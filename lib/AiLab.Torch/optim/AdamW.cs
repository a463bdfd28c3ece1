using AiLab.Torch.Optimizers;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// AdamW (<c>torch.optim.AdamW</c>, Loshchilov &amp; Hutter 2017): Adam with decoupled weight decay, which
    /// shrinks the parameter directly instead of adding to the gradient. Per parameter at step t:
    /// <code>
    /// θ ← θ · (1 − lr · weight_decay)
    /// m ← β₁ · m + (1 − β₁) · g           v ← β₂ · v + (1 − β₂) · g²
    /// v̂ ← max(v̂, v) (amsgrad) or v
    /// θ ← θ − lr / (1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
    /// </code>
    /// State per parameter: step, "exp_avg", "exp_avg_sq" and "max_exp_avg_sq" with amsgrad.
    /// </summary>
    public sealed class AdamW : torch.optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups; <paramref name="betas"/> defaults to (0.9, 0.999).</summary>
        public AdamW(IEnumerable<torch.optim.ParamGroup> groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
            double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false)
            : base(groups, AdamAlgorithm.Defaults(lr, betas, eps, weight_decay, amsgrad, maximize))
        {
        }

        /// <inheritdoc/>
        protected override void step_group(torch.optim.ParamGroup group, Tensor[] parameters, Tensor[] grads) =>
            AdamAlgorithm.Update(group, parameters, grads, StateOf, decoupledWeightDecay: true);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>AdamW over parameters: <c>optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 1e-2)</c>.</summary>
            public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
                new([new ParamGroup(parameters)], lr, betas, eps, weight_decay, amsgrad, maximize);
        }
    }
}

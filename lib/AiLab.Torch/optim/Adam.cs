using AiLab.Torch.Optimizers;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// Adam (<c>torch.optim.Adam</c>, Kingma &amp; Ba 2014) with L2 weight decay added to the gradient and the
    /// optional AMSGrad variant. Per parameter at step t, with gradient g:
    /// <code>
    /// g ← g + weight_decay · θ
    /// m ← β₁ · m + (1 − β₁) · g           v ← β₂ · v + (1 − β₂) · g²
    /// v̂ ← max(v̂, v) (amsgrad) or v
    /// θ ← θ − lr / (1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
    /// </code>
    /// State per parameter: step, "exp_avg" (m), "exp_avg_sq" (v) and "max_exp_avg_sq" with amsgrad.
    /// </summary>
    public sealed class Adam : torch.optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups; <paramref name="betas"/> defaults to (0.9, 0.999).</summary>
        public Adam(IEnumerable<torch.optim.ParamGroup> groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : base(groups, AdamAlgorithm.Defaults(lr, betas, eps, weight_decay, amsgrad, maximize))
        {
        }

        /// <inheritdoc/>
        protected override void step_group(torch.optim.ParamGroup group, Tensor[] parameters, Tensor[] grads) =>
            AdamAlgorithm.Update(group, parameters, grads, StateOf, decoupledWeightDecay: false);
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adam over parameters: <c>optim.Adam(model.parameters(), lr: 1e-3)</c>.</summary>
            public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new([new ParamGroup(parameters)], lr, betas, eps, weight_decay, amsgrad, maximize);
        }
    }
}

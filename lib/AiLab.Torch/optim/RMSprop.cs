using AiLab.Torch.Optimizers;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// RMSprop (<c>torch.optim.RMSprop</c>, Hinton's lecture 6e) with optional momentum, centering and L2
    /// weight decay. Per parameter, with gradient g:
    /// <code>
    /// g ← g + weight_decay · θ
    /// v ← α · v + (1 − α) · g²
    /// ḡ ← α · ḡ + (1 − α) · g,   d ← √(v − ḡ²) + ε     (centered)       d ← √v + ε   (otherwise)
    /// b ← μ · b + g / d,  θ ← θ − lr · b                (momentum μ > 0)   θ ← θ − lr · g / d
    /// </code>
    /// State per parameter: step, "square_avg" (v), "momentum_buffer" (b) and "grad_avg" (ḡ, centered).
    /// </summary>
    public sealed class RMSprop : optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups (a group's options override these defaults).</summary>
        public RMSprop(IEnumerable<optim.ParamGroup> groups, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
            double momentum = 0, bool centered = false, bool maximize = false)
            : base(groups, new Dictionary<string, double>
            {
                ["lr"] = lr, ["momentum"] = momentum, ["alpha"] = alpha, ["eps"] = eps, ["centered"] = centered ? 1 : 0,
                ["weight_decay"] = weight_decay, ["maximize"] = maximize ? 1 : 0,
            })
        {
            OptimizerChecks.NonNegative(lr, nameof(lr), "learning rate");
            OptimizerChecks.NonNegative(eps, nameof(eps), "epsilon value");
            OptimizerChecks.NonNegative(momentum, nameof(momentum), "momentum value");
            OptimizerChecks.NonNegative(weight_decay, nameof(weight_decay), "weight_decay value");
            OptimizerChecks.NonNegative(alpha, nameof(alpha), "alpha value");
        }

        /// <inheritdoc/>
        protected override void step_group(optim.ParamGroup group, Tensor[] parameters, Tensor[] grads)
        {
            var o = group.options;
            var (lr, alpha, eps, decay, momentum, centered) = (o["lr"], o["alpha"], o["eps"], o["weight_decay"], o["momentum"], o["centered"] != 0);
            var n = parameters.Length;
            var (squareAvgs, gradAvgs, buffers) = (new Tensor[n], centered ? new Tensor[n] : [], momentum > 0 ? new Tensor[n] : []);
            for (var k = 0; k < n; k++)
            {
                var p = parameters[k];
                var state = StateOf(p);
                state.step++;
                squareAvgs[k] = state.Buffer("square_avg", () => zeros_like(p));
                if (momentum > 0) buffers[k] = state.Buffer("momentum_buffer", () => zeros_like(p));
                if (centered) gradAvgs[k] = state.Buffer("grad_avg", () => zeros_like(p));
            }

            if (decay != 0) grads = Foreach.add(grads, parameters, decay);
            Foreach.mul_(squareAvgs, alpha);
            Foreach.addcmul_(squareAvgs, grads, grads, 1 - alpha);
            Tensor[] averages;
            if (centered)
            {
                Foreach.mul_(gradAvgs, alpha);
                Foreach.add_(gradAvgs, grads, 1 - alpha);
                averages = Foreach.addcmul(squareAvgs, gradAvgs, gradAvgs, -1);
                Foreach.sqrt_(averages);
            }
            else averages = Foreach.sqrt(squareAvgs);
            Foreach.add_(averages, eps);

            if (momentum > 0)
            {
                Foreach.mul_(buffers, momentum);
                Foreach.addcdiv_(buffers, grads, averages, 1);
                Foreach.add_(parameters, buffers, -lr);
            }
            else Foreach.addcdiv_(parameters, grads, averages, -lr);
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RMSprop over parameters: <c>optim.RMSprop(model.parameters(), lr: 1e-2)</c>.</summary>
            public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
                double momentum = 0, bool centered = false, bool maximize = false) =>
                new([new ParamGroup(parameters)], lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }
}

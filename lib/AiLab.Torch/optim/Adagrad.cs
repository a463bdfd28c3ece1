using AiLab.Torch.Optimizers;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// Adagrad (<c>torch.optim.Adagrad</c>, Duchi et al. 2011) with learning-rate decay and L2 weight decay.
    /// Per parameter at step t, with gradient g:
    /// <code>
    /// g ← g + weight_decay · θ
    /// lr_t ← lr / (1 + (t − 1) · lr_decay)
    /// s ← s + g²                          (s starts at initial_accumulator_value)
    /// θ ← θ − lr_t · g / (√s + ε)
    /// </code>
    /// State per parameter: step and "sum" (s). PyTorch creates the state in the constructor; here it is
    /// created on a parameter's first step, from its group's initial_accumulator_value, with the same results.
    /// </summary>
    public sealed class Adagrad : optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups (a group's options override these defaults).</summary>
        public Adagrad(IEnumerable<optim.ParamGroup> groups, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
            : base(groups, new Dictionary<string, double>
            {
                ["lr"] = lr, ["lr_decay"] = lr_decay, ["eps"] = eps, ["weight_decay"] = weight_decay,
                ["initial_accumulator_value"] = initial_accumulator_value, ["maximize"] = maximize ? 1 : 0,
            })
        {
            OptimizerChecks.NonNegative(lr, nameof(lr), "learning rate");
            OptimizerChecks.NonNegative(lr_decay, nameof(lr_decay), "lr_decay value");
            OptimizerChecks.NonNegative(weight_decay, nameof(weight_decay), "weight_decay value");
            OptimizerChecks.NonNegative(initial_accumulator_value, nameof(initial_accumulator_value), "initial_accumulator_value value");
            OptimizerChecks.NonNegative(eps, nameof(eps), "epsilon value");
        }

        /// <inheritdoc/>
        protected override void step_group(optim.ParamGroup group, Tensor[] parameters, Tensor[] grads)
        {
            var o = group.options;
            var (lr, lrDecay, eps, decay, initial) = (o["lr"], o["lr_decay"], o["eps"], o["weight_decay"], o["initial_accumulator_value"]);
            var n = parameters.Length;
            var (sums, stepSizes) = (new Tensor[n], new double[n]);
            for (var k = 0; k < n; k++)
            {
                var p = parameters[k];
                var state = StateOf(p);
                sums[k] = state.Buffer("sum", () => full_like(p, initial));
                var step = ++state.step;
                stepSizes[k] = -(lr / (1 + (step - 1) * lrDecay));
            }

            if (decay != 0) grads = Foreach.add(grads, parameters, decay);
            Foreach.addcmul_(sums, grads, grads, 1);
            var std = Foreach.sqrt(sums);
            Foreach.add_(std, eps);
            Foreach.addcdiv_(parameters, grads, std, stepSizes);
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adagrad over parameters: <c>optim.Adagrad(model.parameters(), lr: 1e-2)</c>.</summary>
            public static Adagrad Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
                double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new([new ParamGroup(parameters)], lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);
        }
    }
}

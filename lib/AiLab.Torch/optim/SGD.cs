using AiLab.Torch.Optimizers;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// Stochastic gradient descent (<c>torch.optim.SGD</c>) with optional momentum, dampening, Nesterov
    /// momentum and L2 weight decay, in PyTorch's formulation. Per parameter, with gradient g:
    /// <code>
    /// g ← g + weight_decay · θ
    /// b ← g on the first step, else μ · b + (1 − dampening) · g       (when momentum μ ≠ 0)
    /// g ← g + μ · b (nesterov) or b
    /// θ ← θ − lr · g
    /// </code>
    /// State per parameter: "momentum_buffer" (b) when momentum is used.
    /// </summary>
    public sealed class SGD : optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups (a group's options override these defaults).</summary>
        public SGD(IEnumerable<optim.ParamGroup> groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
            : base(groups, new Dictionary<string, double>
            {
                ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weight_decay,
                ["nesterov"] = nesterov ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
            })
        {
            OptimizerChecks.NonNegative(lr, nameof(lr), "learning rate");
            OptimizerChecks.NonNegative(momentum, nameof(momentum), "momentum value");
            OptimizerChecks.NonNegative(weight_decay, nameof(weight_decay), "weight_decay value");
            if (nesterov && (momentum <= 0 || dampening != 0))
                throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
        }

        /// <inheritdoc/>
        protected override void step_group(optim.ParamGroup group, Tensor[] parameters, Tensor[] grads)
        {
            var o = group.options;
            var (momentum, dampening, decay, nesterov) = (o["momentum"], o["dampening"], o["weight_decay"], o["nesterov"] != 0);
            if (decay != 0) grads = Foreach.add(grads, parameters, decay);
            if (momentum != 0)
            {
                // A new buffer starts as a copy of the gradient; existing ones decay and accumulate it.
                var buffers = new Tensor[parameters.Length];
                var (decaying, decayingGrads) = (new List<Tensor>(), new List<Tensor>());
                for (var k = 0; k < parameters.Length; k++)
                {
                    var state = StateOf(parameters[k]);
                    if (state.ContainsKey("momentum_buffer"))
                    {
                        buffers[k] = state["momentum_buffer"];
                        decaying.Add(buffers[k]);
                        decayingGrads.Add(grads[k]);
                    }
                    else buffers[k] = state.Buffer("momentum_buffer", grads[k].clone);
                }
                if (decaying.Count > 0)
                {
                    var bs = decaying.ToArray();
                    Foreach.mul_(bs, momentum);
                    Foreach.add_(bs, decayingGrads.ToArray(), 1 - dampening);
                }
                grads = nesterov ? Foreach.add(grads, buffers, momentum) : buffers;
            }
            Foreach.add_(parameters, grads, -group.lr);
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>SGD over parameters: <c>optim.SGD(model.parameters(), lr: 0.1, momentum: 0.9)</c>.</summary>
            public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }
}

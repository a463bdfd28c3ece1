using AiLab.Torch.Optimizers;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Optimizers
{
    /// <summary>
    /// Stochastic gradient descent with optional momentum (PyTorch's formulation: the buffer accumulates
    /// gradients, b = μ·b + (1 − dampening)·g, starting at b = g; Nesterov uses g + μ·b) and L2 weight
    /// decay added to the gradient.
    /// </summary>
    public sealed class SGD : optim.Optimizer
    {
        /// <summary>Creates the optimizer over parameter groups.</summary>
        public SGD(IEnumerable<optim.ParamGroup> groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false)
            : base(groups, new Dictionary<string, double>
            {
                ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weight_decay, ["nesterov"] = nesterov ? 1 : 0,
            })
        {
            if (lr < 0) throw new ArgumentOutOfRangeException(nameof(lr), lr, "invalid learning rate");
            if (nesterov && (momentum <= 0 || dampening != 0))
                throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
        }

        /// <inheritdoc/>
        public override void step()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            foreach (var group in param_groups)
            {
                var o = group.options;
                var (momentum, dampening, decay, nesterov) = (o["momentum"], o["dampening"], o["weight_decay"], o["nesterov"] != 0);
                foreach (var p in group.parameters)
                {
                    var grad = p.grad;
                    if (grad is null) continue;
                    if (decay != 0) grad = grad.add(p, alpha: decay);
                    if (momentum != 0)
                    {
                        var first = !HasState(p, "momentum_buffer");
                        var buffer = State(p, "momentum_buffer", () => grad.clone());
                        if (!first) buffer.mul_(momentum).add_(grad, alpha: 1 - dampening);
                        grad = nesterov ? grad.add(buffer, alpha: momentum) : buffer;
                    }
                    p.add_(grad, alpha: -group.lr);
                }
            }
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
            public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false) =>
                new([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov);
        }
    }
}

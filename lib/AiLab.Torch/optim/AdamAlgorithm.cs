using static AiLab.Torch.torch;

namespace AiLab.Torch.Optimizers;

/// <summary>
/// The update shared by <see cref="Adam"/> (L2 weight decay added to the gradient) and <see cref="AdamW"/>
/// (decoupled weight decay applied to the parameter), following PyTorch's single-tensor implementation
/// operation for operation so results match it to the last bit.
/// </summary>
internal static class AdamAlgorithm
{
    /// <summary>The group options both optimizers define.</summary>
    internal static Dictionary<string, double> Defaults(double lr, (double, double)? betas, double eps, double weight_decay, bool amsgrad, bool maximize)
    {
        var (beta1, beta2) = betas ?? (0.9, 0.999);
        OptimizerChecks.NonNegative(lr, nameof(lr), "learning rate");
        OptimizerChecks.NonNegative(eps, nameof(eps), "epsilon value");
        OptimizerChecks.Beta(beta1, 0, nameof(betas));
        OptimizerChecks.Beta(beta2, 1, nameof(betas));
        OptimizerChecks.NonNegative(weight_decay, nameof(weight_decay), "weight_decay value");
        return new()
        {
            ["lr"] = lr, ["betas0"] = beta1, ["betas1"] = beta2, ["eps"] = eps, ["weight_decay"] = weight_decay,
            ["amsgrad"] = amsgrad ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
        };
    }

    /// <summary>One step for one group.</summary>
    internal static void Update(optim.ParamGroup group, Tensor[] parameters, Tensor[] grads, Func<Tensor, optim.ParamState> stateOf, bool decoupledWeightDecay)
    {
        var o = group.options;
        var (lr, beta1, beta2, eps, decay, amsgrad) = (o["lr"], o["betas0"], o["betas1"], o["eps"], o["weight_decay"], o["amsgrad"] != 0);
        var n = parameters.Length;
        var (expAvgs, expAvgSqs, maxExpAvgSqs) = (new Tensor[n], new Tensor[n], amsgrad ? new Tensor[n] : []);
        var (stepSizes, biasCorrection2Sqrts) = (new double[n], new double[n]);
        for (var k = 0; k < n; k++)
        {
            var p = parameters[k];
            var state = stateOf(p);
            expAvgs[k] = state.Buffer("exp_avg", () => zeros_like(p));
            expAvgSqs[k] = state.Buffer("exp_avg_sq", () => zeros_like(p));
            if (amsgrad) maxExpAvgSqs[k] = state.Buffer("max_exp_avg_sq", () => zeros_like(p));
            var step = ++state.step;
            // PyTorch: bias_correction = 1 - beta ** step; step_size = lr / bias_correction1.
            stepSizes[k] = -(lr / (1 - Math.Pow(beta1, step)));
            biasCorrection2Sqrts[k] = Math.Sqrt(1 - Math.Pow(beta2, step));
        }

        if (decay != 0)
        {
            if (decoupledWeightDecay) Foreach.mul_(parameters, 1 - lr * decay);
            else grads = Foreach.add(grads, parameters, decay);
        }
        // m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
        Foreach.mul_(expAvgs, beta1);
        Foreach.add_(expAvgs, grads, 1 - beta1);
        Foreach.mul_(expAvgSqs, beta2);
        Foreach.addcmul_(expAvgSqs, grads, grads, 1 - beta2);
        if (amsgrad) Foreach.maximum_(maxExpAvgSqs, expAvgSqs);
        // θ ← θ − step_size · m / (√v̂ / √(1 − β₂ᵗ) + ε)
        var denominators = Foreach.sqrt(amsgrad ? maxExpAvgSqs : expAvgSqs);
        Foreach.div_(denominators, biasCorrection2Sqrts);
        Foreach.add_(denominators, eps);
        Foreach.addcdiv_(parameters, expAvgs, denominators, stepSizes);
    }
}

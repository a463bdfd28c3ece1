using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules;

/// <summary>
/// Base of the loss modules (PyTorch's <c>_Loss</c>): <c>loss.forward(input, target)</c> with a
/// <see cref="reduction"/> of "mean" (default), "sum" or "none" (one value per element or sample).
/// </summary>
public abstract class Loss : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the loss; <paramref name="reduction"/> is checked here so a typo fails at construction.</summary>
    protected Loss(string name, string reduction) : this(name, reduction, batchmean: false) { }

    /// <summary>For kl_div, which also knows "batchmean".</summary>
    private protected Loss(string name, string reduction, bool batchmean) : base(name) => this.reduction = Reduction.Check(reduction, batchmean);

    /// <summary>How per-element losses are combined: "mean", "sum" or "none" ("batchmean" too for KL divergence).</summary>
    public string reduction { get; }
}

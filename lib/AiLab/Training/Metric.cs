using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Training;

/// <summary>
/// A quantity the <see cref="Trainer"/> reports per epoch besides the loss, computed once per epoch from all the
/// epoch's model outputs and targets (so ratios such as accuracy or AUC are exact, not averages of batch values).
/// </summary>
/// <param name="Name">Key in the history, e.g. "accuracy" (validation values appear as "val_accuracy").</param>
/// <param name="Compute">(outputs of the whole epoch, targets of the whole epoch) → value; both on the CPU, detached.</param>
/// <param name="HigherIsBetter">Direction early stopping uses when it monitors this metric.</param>
public sealed record Metric(string Name, Func<Tensor, Tensor, double> Compute, bool HigherIsBetter = true)
{
    /// <summary>
    /// Fraction of correct predictions. Outputs (N, C) with C &gt; 1 predict their argmax, against class indices (N) or
    /// class probabilities (N, C); outputs (N) or (N, 1) are binary logits predicting output &gt; 0, against targets ≥ 0.5.
    /// </summary>
    public static Metric Accuracy { get; } = new("accuracy", ComputeAccuracy);

    private static double ComputeAccuracy(Tensor output, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        var multiClass = output.dim() == 2 && output.size(1) > 1;
        var predicted = multiClass ? output.argmax(1) : (output.reshape(-1) > 0).to(torch.int64);
        var expected = multiClass
            ? target.dim() == 2 ? target.argmax(1) : target.reshape(-1).to(torch.int64)
            : (target.reshape(-1) >= 0.5).to(torch.int64);
        if (predicted.size(0) != expected.size(0))
            throw new ArgumentException($"accuracy: {predicted.size(0)} predictions but {expected.size(0)} targets", nameof(target));
        return predicted.size(0) == 0 ? double.NaN : predicted.eq(expected).to(torch.float64).mean().item<double>();
    }
}

namespace AiLab.Torch.Modules;

/// <summary>Argument checks shared by the loss functions.</summary>
internal static class LossChecks
{
    /// <summary>
    /// Elementwise losses need input and target of one shape. PyTorch only warns and broadcasts, which
    /// silently turns an (N, 1) prediction against an (N) target into an N×N loss; we refuse instead.
    /// </summary>
    internal static void SameShape(Tensor input, Tensor target, string function)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var (a, b) = (input.shape, target.shape);
        if (!a.SequenceEqual(b))
            throw new ArgumentException(
                $"{function}: target size [{string.Join(", ", b)}] differs from input size [{string.Join(", ", a)}]; " +
                "broadcasting them would compare every prediction with every target (reshape one of them, e.g. input.squeeze(-1))",
                nameof(target));
    }

    /// <summary>Label smoothing is a probability mass: ε in [0, 1].</summary>
    internal static double LabelSmoothing(double label_smoothing) =>
        label_smoothing is >= 0 and <= 1
            ? label_smoothing
            : throw new ArgumentOutOfRangeException(nameof(label_smoothing), label_smoothing, "label_smoothing must be between 0.0 and 1.0");

    /// <summary>A threshold that must be ≥ 0 (smooth L1's β).</summary>
    internal static double NonNegative(double value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0");

    /// <summary>A threshold that must be &gt; 0 (Huber's δ).</summary>
    internal static double Positive(double value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0");
}

namespace AiLab.Training;

/// <summary>
/// Stops training when the monitored quantity has not improved for <paramref name="Patience"/> epochs (Keras'
/// <c>EarlyStopping</c>), and by default puts back the weights of the best epoch when training ends.
/// </summary>
/// <param name="Patience">Epochs without improvement before stopping (≥ 1).</param>
/// <param name="MinDelta">An improvement must beat the best value by more than this.</param>
/// <param name="Monitor">"val_loss" (default), "loss", or a metric name such as "val_accuracy" / "accuracy".</param>
/// <param name="RestoreBestWeights">Load the best epoch's parameters and buffers when training ends (stopped early or not).</param>
/// <param name="Mode">"min", "max", or "auto": min for losses, the metric's own direction otherwise.</param>
public sealed record EarlyStopping(int Patience = 5, double MinDelta = 0, string Monitor = "val_loss", bool RestoreBestWeights = true, string Mode = "auto")
{
    /// <summary>Epochs without improvement before stopping (≥ 1).</summary>
    public int Patience { get; init; } = Patience >= 1 ? Patience : throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "patience must be at least 1");

    /// <summary>An improvement must beat the best value by more than this (≥ 0).</summary>
    public double MinDelta { get; init; } = MinDelta >= 0 ? MinDelta : throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "min delta must be >= 0");

    /// <summary>"min", "max", or "auto" (min for losses, the metric's own direction otherwise).</summary>
    public string Mode { get; init; } = Mode is "auto" or "min" or "max" ? Mode : throw new ArgumentException($"mode must be 'auto', 'min' or 'max', got '{Mode}'", nameof(Mode));
}

using System.Globalization;
using System.Text;

namespace AiLab.Training;

/// <summary>What one epoch of <see cref="Trainer.Fit"/> measured.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Sample-weighted mean of the batch losses during the epoch (the model changes while it is measured).</param>
/// <param name="ValidationLoss">Sample-weighted mean loss over the validation data after the epoch, in eval mode; null without validation data.</param>
/// <param name="TrainMetrics">Each metric over the epoch's training outputs.</param>
/// <param name="ValidationMetrics">Each metric over the validation outputs (empty without validation data).</param>
/// <param name="LearningRate">The first parameter group's learning rate during the epoch.</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double? ValidationLoss, IReadOnlyDictionary<string, double> TrainMetrics,
    IReadOnlyDictionary<string, double> ValidationMetrics, double LearningRate, double Seconds)
{
    /// <summary>A named quantity: "loss", "val_loss", a metric name, or "val_" + a metric name; null when absent.</summary>
    public double? Get(string name) => name switch
    {
        "loss" => TrainLoss,
        "val_loss" => ValidationLoss,
        _ when name.StartsWith("val_", StringComparison.Ordinal) && ValidationMetrics.TryGetValue(name[4..], out var v) => v,
        _ when TrainMetrics.TryGetValue(name, out var t) => t,
        _ => null,
    };

    /// <summary>One progress line: <c>epoch 3 · loss 0.4123 · accuracy 0.8812 · val_loss 0.3981 · val_accuracy 0.9003 · lr 0.1 · 0.21 s</c>.</summary>
    public override string ToString()
    {
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"epoch {Epoch} · loss {TrainLoss:0.0000}");
        foreach (var (name, value) in TrainMetrics) line.Append(CultureInfo.InvariantCulture, $" · {name} {value:0.0000}");
        if (ValidationLoss is { } validation) line.Append(CultureInfo.InvariantCulture, $" · val_loss {validation:0.0000}");
        foreach (var (name, value) in ValidationMetrics) line.Append(CultureInfo.InvariantCulture, $" · val_{name} {value:0.0000}");
        return line.Append(CultureInfo.InvariantCulture, $" · lr {LearningRate:G4} · {Seconds:0.00} s").ToString();
    }
}

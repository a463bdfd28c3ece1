namespace AiLab.Training;

/// <summary>
/// Per-epoch results of <see cref="Trainer.Fit"/>, as plain arrays ready for charts
/// (<c>Chart.LossCurves(history.TrainLoss, history.ValidationLoss)</c>).
/// </summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochRecord> epochs, int? bestEpoch, bool stoppedEarly, bool restoredBestWeights)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
        RestoredBestWeights = restoredBestWeights;
    }

    /// <summary>Every epoch that ran, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>1, 2, … for the x axis.</summary>
    public int[] Epoch => Epochs.Select(e => e.Epoch).ToArray();

    /// <summary>Training loss per epoch.</summary>
    public double[] TrainLoss => Epochs.Select(e => e.TrainLoss).ToArray();

    /// <summary>Validation loss per epoch, or null when training had no validation data.</summary>
    public double[]? ValidationLoss => Epochs.Count > 0 && Epochs[0].ValidationLoss is not null
        ? Epochs.Select(e => e.ValidationLoss!.Value).ToArray()
        : null;

    /// <summary>Learning rate per epoch.</summary>
    public double[] LearningRate => Epochs.Select(e => e.LearningRate).ToArray();

    /// <summary>Wall time per epoch in seconds.</summary>
    public double[] Seconds => Epochs.Select(e => e.Seconds).ToArray();

    /// <summary>Total wall time in seconds.</summary>
    public double TotalSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary>A quantity per epoch: "loss", "val_loss", "accuracy", "val_accuracy", … Throws for unknown names.</summary>
    public double[] this[string name] => Epochs.Select(e => e.Get(name)
        ?? throw new KeyNotFoundException($"the history has no '{name}'; it has {string.Join(", ", Names)}")).ToArray();

    /// <summary>The names <see cref="this[string]"/> accepts.</summary>
    public IEnumerable<string> Names => Epochs.Count == 0 ? [] : NamesOf(Epochs[0]);

    private static IEnumerable<string> NamesOf(EpochRecord e) =>
        new[] { "loss" }.Concat(e.TrainMetrics.Keys)
            .Concat(e.ValidationLoss is null ? [] : new[] { "val_loss" })
            .Concat(e.ValidationMetrics.Keys.Select(k => "val_" + k));

    /// <summary>The epoch (1-based) with the best monitored value under early stopping; null without early stopping.</summary>
    public int? BestEpoch { get; }

    /// <summary>True when early stopping ended training before the requested number of epochs.</summary>
    public bool StoppedEarly { get; }

    /// <summary>True when the model's weights were put back to those of <see cref="BestEpoch"/> at the end.</summary>
    public bool RestoredBestWeights { get; }
}

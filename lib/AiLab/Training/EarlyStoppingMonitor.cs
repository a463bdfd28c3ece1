using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Training;

/// <summary>Tracks the monitored value across epochs for <see cref="EarlyStopping"/> and keeps the best epoch's weights.</summary>
internal sealed class EarlyStoppingMonitor : IDisposable
{
    private readonly EarlyStopping _settings;
    private readonly bool _minimize;
    private double _best;
    private int _wait;
    private Dictionary<string, Tensor>? _bestState;

    internal EarlyStoppingMonitor(EarlyStopping settings, IReadOnlyList<Metric> metrics, bool hasValidation)
    {
        _settings = settings;
        var monitor = settings.Monitor;
        var isValidation = monitor.StartsWith("val_", StringComparison.Ordinal);
        var baseName = isValidation ? monitor[4..] : monitor;
        var metric = metrics.FirstOrDefault(m => m.Name == baseName);
        if (baseName != "loss" && metric is null)
            throw new ArgumentException(
                $"early stopping monitors '{monitor}', which is neither loss, val_loss nor a metric of this trainer ({string.Join(", ", metrics.Select(m => m.Name))})");
        if (isValidation && !hasValidation)
            throw new ArgumentException($"early stopping monitors '{monitor}' but Fit got no validation data");
        _minimize = settings.Mode switch
        {
            "min" => true,
            "max" => false,
            _ => metric is null || !metric.HigherIsBetter,
        };
        _best = _minimize ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The 1-based epoch with the best value so far, or null before any finite value.</summary>
    internal int? BestEpoch { get; private set; }

    /// <summary>Records an epoch; returns true when patience has run out.</summary>
    internal bool ShouldStop(EpochRecord record, nn.Module model)
    {
        var value = record.Get(_settings.Monitor)!.Value;
        // NaN never counts as an improvement (the comparisons are false).
        var improved = _minimize ? value < _best - _settings.MinDelta : value > _best + _settings.MinDelta;
        if (!improved) return ++_wait >= _settings.Patience;
        _best = value;
        _wait = 0;
        BestEpoch = record.Epoch;
        if (_settings.RestoreBestWeights) Snapshot(model);
        return false;
    }

    /// <summary>Loads the best epoch's weights when they differ from the last epoch's; returns whether it did.</summary>
    internal bool RestoreBest(nn.Module model, int lastEpoch)
    {
        if (_bestState is null || BestEpoch == lastEpoch) return false;
        model.load_state_dict(_bestState);
        return true;
    }

    private void Snapshot(nn.Module model)
    {
        DisposeState();
        using var scope = NewDisposeScope();
        _bestState = model.state_dict().ToDictionary(p => p.Key, p => p.Value.clone().DetachFromDisposeScope());
    }

    private void DisposeState()
    {
        if (_bestState is null) return;
        foreach (var t in _bestState.Values) t.Dispose();
        _bestState = null;
    }

    public void Dispose() => DisposeState();
}

using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Training;

/// <summary>
/// The training loop notebooks share: for each epoch, each batch [input, target, …] runs forward, loss, backward and an
/// optimizer step; then the validation data is evaluated; metrics, learning rate and time are recorded; an optional
/// hook runs (e.g. a learning-rate scheduler); early stopping may end training and restore the best weights.
/// </summary>
/// <remarks>
/// Every batch runs inside its own dispose scope, so thousands of steps keep memory flat. Batches are moved to the
/// device of the model's first parameter when they are elsewhere. The trainer is quiet unless <see cref="Verbose"/>
/// is set (a notebook cell that trains several variants would otherwise print pages); the returned
/// <see cref="TrainingHistory"/> holds everything for charts and checks.
/// <code>
/// var trainer = new Trainer(model, nn.CrossEntropyLoss(), optim.SGD(model.parameters(), lr: 0.1, momentum: 0.9))
/// {
///     Metrics = [Metric.Accuracy],
///     EarlyStopping = new EarlyStopping(Patience: 5),
/// };
/// var history = trainer.Fit(trainLoader, epochs: 30, validation: validationLoader);
/// </code>
/// </remarks>
public sealed class Trainer
{
    private readonly Func<Tensor, Tensor, Tensor> _loss;

    /// <summary>Creates a trainer with a loss function <c>(output, target) → scalar loss</c>.</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor, Tensor> loss, optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        Model = model;
        _loss = loss;
        Optimizer = optimizer;
    }

    /// <summary>Creates a trainer with a loss module such as <c>nn.CrossEntropyLoss()</c>.</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor, Tensor> loss, optim.Optimizer optimizer)
        : this(model, (loss ?? throw new ArgumentNullException(nameof(loss))).forward, optimizer) { }

    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The optimizer that updates <see cref="Model"/>'s parameters.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>Metrics reported per epoch for training and validation data (names must be unique).</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>Optional early stopping.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Runs after each epoch is recorded and before early stopping decides: step a learning-rate scheduler
    /// here (<c>OnEpochEnd = _ =&gt; scheduler.step()</c>, or <c>r =&gt; plateau.step(r.ValidationLoss!.Value)</c>), or log.</summary>
    public Action<EpochRecord>? OnEpochEnd { get; init; }

    /// <summary>When set, gradients are rescaled to this total L2 norm at most before each step (<c>clip_grad_norm_</c>).</summary>
    public double? ClipGradNorm { get; init; }

    /// <summary>Print one line per epoch to the console (default: quiet).</summary>
    public bool Verbose { get; init; }

    /// <summary>Trains for <paramref name="epochs"/> epochs (fewer with early stopping) and returns the per-epoch history.</summary>
    /// <param name="train">Training batches [input, target, …], e.g. a shuffling <c>DataLoader</c>; enumerated once per epoch.</param>
    /// <param name="epochs">Maximum number of epochs.</param>
    /// <param name="validation">Optional validation batches, evaluated after every epoch.</param>
    public TrainingHistory Fit(IEnumerable<IList<Tensor>> train, int epochs, IEnumerable<IList<Tensor>>? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var duplicate = Metrics.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1 || g.Key is "loss" || g.Key.StartsWith("val_", StringComparison.Ordinal));
        if (duplicate is not null) throw new ArgumentException($"metric name '{duplicate.Key}' is repeated or reserved");
        using var monitor = EarlyStopping is null ? null : new EarlyStoppingMonitor(EarlyStopping, Metrics, validation is not null);

        var records = new List<EpochRecord>();
        var stopped = false;
        for (var epoch = 1; epoch <= epochs && !stopped; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var lr = Optimizer.ParamGroups.First().LearningRate;
            var trained = RunEpoch(train, training: true, "training data");
            var validated = validation is null ? null : RunEpoch(validation, training: false, "validation data");
            var record = new EpochRecord(epoch, trained.Loss, validated?.Loss, trained.Metrics,
                validated?.Metrics ?? new Dictionary<string, double>(), lr, clock.Elapsed.TotalSeconds);
            records.Add(record);
            OnEpochEnd?.Invoke(record);
            if (Verbose) Console.WriteLine(record);
            stopped = monitor?.ShouldStop(record, Model) ?? false;
        }
        var restored = monitor?.RestoreBest(Model, records[^1].Epoch) ?? false;
        if (Verbose && monitor is not null)
            Console.WriteLine($"best epoch {monitor.BestEpoch}{(stopped ? " · stopped early" : "")}{(restored ? " · restored its weights" : "")}");
        return new TrainingHistory(records, monitor?.BestEpoch, stopped && records.Count < epochs, restored);
    }

    /// <summary>Loss and metrics over <paramref name="data"/> in eval mode, without gradients.</summary>
    public Evaluation Evaluate(IEnumerable<IList<Tensor>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return RunEpoch(data, training: false, "evaluation data");
    }

    /// <summary>The model's outputs for every batch's input (the first tensor), concatenated on the CPU in eval mode
    /// without gradients. The caller owns the result.</summary>
    public Tensor Predict(IEnumerable<IList<Tensor>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = Model.training;
        Model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = ModelDevice();
            var outputs = new List<Tensor>();
            foreach (var batch in data)
            {
                if (batch is not { Count: > 0 }) throw new ArgumentException("Predict expects batches whose first tensor is the input");
                outputs.Add(Model.forward(ToDevice(batch[0], device)).cpu());
            }
            if (outputs.Count == 0) throw new ArgumentException("the data yielded no batches", nameof(data));
            return cat(outputs).MoveToOuterDisposeScope();
        }
        finally
        {
            Model.train(wasTraining);
        }
    }

    private Evaluation RunEpoch(IEnumerable<IList<Tensor>> data, bool training, string what)
    {
        var wasTraining = Model.training;
        Model.train(training);
        try
        {
            using var epochScope = NewDisposeScope();
            using var gradMode = set_grad_enabled(training);
            var device = ModelDevice();
            Tensor? lossSum = null; // accumulated on the device: no per-batch synchronisation
            long samples = 0;
            var outputs = new List<Tensor>();
            var targets = new List<Tensor>();
            foreach (var batch in data)
            {
                using var batchScope = NewDisposeScope();
                if (batch is not { Count: >= 2 })
                    throw new ArgumentException($"the trainer expects batches [input, target, …]; the {what} gave {batch?.Count ?? 0} tensor(s)");
                var input = ToDevice(batch[0], device);
                var target = ToDevice(batch[1], device);
                var output = Model.forward(input);
                var loss = _loss(output, target);
                if (loss.dim() != 0)
                    throw new InvalidOperationException($"the loss function must return a scalar (reduction 'mean' or 'sum'), got shape [{string.Join(", ", loss.shape)}]");
                if (training)
                {
                    Optimizer.zero_grad();
                    loss.backward();
                    if (ClipGradNorm is { } maxNorm) nn.utils.clip_grad_norm_(Model.parameters(), maxNorm);
                    Optimizer.step();
                }
                var n = input.dim() == 0 ? 1 : input.size(0);
                var weighted = loss.detach().to(float64) * n;
                if (lossSum is null) lossSum = weighted.MoveToOuterDisposeScope();
                else lossSum.add_(weighted);
                samples += n;
                if (Metrics.Count > 0)
                {
                    outputs.Add(output.detach().cpu().MoveToOuterDisposeScope());
                    targets.Add(target.detach().cpu().MoveToOuterDisposeScope());
                }
            }
            if (lossSum is null) throw new ArgumentException($"the {what} yielded no batches");
            var metrics = new Dictionary<string, double>();
            if (Metrics.Count > 0)
            {
                var allOutputs = cat(outputs);
                var allTargets = cat(targets);
                foreach (var metric in Metrics) metrics[metric.Name] = metric.Compute(allOutputs, allTargets);
            }
            return new Evaluation(lossSum.item<double>() / samples, metrics);
        }
        finally
        {
            Model.train(wasTraining);
        }
    }

    private Device? ModelDevice() => Model.parameters().FirstOrDefault()?.device;

    private static Tensor ToDevice(Tensor t, Device? device) => device is null || t.device == device ? t : t.to(device);
}

using System.Diagnostics;
using AiLab.Data;
using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;

using AiLab.Training;

using static TorchSharp.torch.utils.data;

namespace AiLab.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly ImageDataset _digits = Datasets.Digits();
    private readonly TorchSharp.Modules.TensorDataset _train;
    private readonly TorchSharp.Modules.TensorDataset _test;

    public TrainerTests()
    {
        // As the notebooks do it: a stratified 80/20 split of the digits (pixels already scaled to [0, 1]).
        var split = DataSplit.TrainTest(_digits.Count, testSize: 0.2, seed: 0, stratify: _digits.Labels);
        _train = Rows(split.Train);
        _test = Rows(split.Test);
    }

    /// <summary>The digits at <paramref name="indices"/> as a TorchSharp TensorDataset (it keeps its own aliases).</summary>
    private TorchSharp.Modules.TensorDataset Rows(IReadOnlyList<int> indices)
    {
        using var scope = NewDisposeScope();
        var subset = _digits.Subset(indices);
        return TensorDataset(subset.X, subset.y);
    }

    public void Dispose()
    {
        _train.Dispose();
        _test.Dispose();
    }

    private static TorchSharp.Modules.Sequential Mlp(long hidden = 64) =>
        nn.Sequential(nn.Flatten(), nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10));

    // Halves the learning rate every 5 epochs (a step scheduler through the epoch hook): the last epochs settle.
    private static Action<EpochRecord> StepDecay(optim.Optimizer optimizer) => record =>
    {
        if (record.Epoch % 5 == 0) foreach (var group in optimizer.ParamGroups) group.LearningRate *= 0.5;
    };

    [Fact]
    public void Fit_MlpWithSgdMomentumOnDigits_ReachesAtLeast95PercentTestAccuracy()
    {
        manual_seed(0);
        using var model = Mlp(hidden: 128);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { Metrics = [Metric.Accuracy], OnEpochEnd = StepDecay(optimizer) };
        var test = DataLoader(_test, batchSize: 256);

        var clock = Stopwatch.StartNew();
        var history = trainer.Fit(DataLoader(_train, batchSize: 32, shuffle: true, seed: 0), epochs: 20, validation: test);
        var seconds = clock.Elapsed.TotalSeconds;

        var accuracy = trainer.Evaluate(test).Metrics["accuracy"];
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:F4} after 20 epochs ({seconds:F1} s)");
        Assert.Equal(accuracy, history["val_accuracy"][^1], 12);
        // The metric agrees with the metrics library on the predicted classes.
        using var scope = NewDisposeScope();
        var predicted = trainer.Predict(test).argmax(1);
        var labels = cat(test.Select(b => b[1].clone()).ToList());
        Assert.Equal(Classification.Accuracy(labels, predicted), accuracy, 12);
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0] / 5, $"train loss {history.TrainLoss[0]:F3} → {history.TrainLoss[^1]:F3}");
    }

    [Fact]
    public void Fit_SmallCnnOnDigits_ReachesAtLeast97PercentTestAccuracy()
    {
        manual_seed(0);
        using var model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),  // 16 × 4 × 4
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2), // 32 × 2 × 2
            nn.Flatten(), nn.Linear(128, 10));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { Metrics = [Metric.Accuracy], OnEpochEnd = StepDecay(optimizer) };
        var test = DataLoader(_test, batchSize: 256);

        trainer.Fit(DataLoader(_train, batchSize: 32, shuffle: true, seed: 0), epochs: 15);

        var accuracy = trainer.Evaluate(test).Metrics["accuracy"];
        Assert.True(accuracy >= 0.97, $"test accuracy {accuracy:F4}");
    }

    [Fact]
    public void Fit_EarlyStoppingOnOverfittingModel_StopsAndRestoresTheBestValidationEpoch()
    {
        manual_seed(1);
        using var model = Mlp(hidden: 256);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);
        var trainer = new Trainer(model, (output, target) => nn.functional.cross_entropy(output, target), optimizer)
        {
            EarlyStopping = new EarlyStopping(Patience: 3),
        };
        using var small = Rows([.. DataSplit.TrainTest(_digits.Count, testSize: 0.2, seed: 0, stratify: _digits.Labels).Train.Take(100)]); // few samples: overfits
        var validation = DataLoader(_test, batchSize: 128);

        var history = trainer.Fit(DataLoader(small, batchSize: 10, shuffle: true, seed: 1), epochs: 200, validation: validation);

        var losses = history.ValidationLoss!;
        var best = Array.IndexOf(losses, losses.Min()) + 1;
        Assert.True(history.StoppedEarly);
        Assert.Equal(best, history.BestEpoch);
        Assert.Equal(best + 3, history.Epochs.Count); // patience epochs after the best one
        Assert.True(history.RestoredBestWeights);
        // The model now has the best epoch's weights: evaluating again gives that epoch's validation loss.
        Assert.Equal(losses[best - 1], trainer.Evaluate(validation).Loss, 10);
        Assert.True(losses[^1] > losses[best - 1]);
    }

    [Fact]
    public void Fit_EarlyStoppingOnAMetric_MaximizesIt()
    {
        manual_seed(2);
        using var model = Mlp(hidden: 16);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.02);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer)
        {
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping(Patience: 2, Monitor: "val_accuracy", RestoreBestWeights: false),
        };
        var history = trainer.Fit(DataLoader(_train, batchSize: 64, shuffle: true, seed: 2), epochs: 6, validation: DataLoader(_test, batchSize: 512));
        var accuracy = history["val_accuracy"];
        Assert.Equal(Array.IndexOf(accuracy, accuracy.Max()) + 1, history.BestEpoch);
        Assert.False(history.RestoredBestWeights);
    }

    [Fact]
    public void History_HasOneEntryPerEpoch_AndRecordsTheLearningRateTheSchedulerSets()
    {
        manual_seed(3);
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5);
        var seen = new List<int>();
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer)
        {
            Metrics = [Metric.Accuracy],
            OnEpochEnd = record =>
            {
                seen.Add(record.Epoch);
                scheduler.step();
            },
        };
        var history = trainer.Fit(DataLoader(_train, batchSize: 128), epochs: 4, validation: DataLoader(_test, batchSize: 512));

        Assert.Equal([1, 2, 3, 4], history.Epoch);
        Assert.Equal([1, 2, 3, 4], seen);
        Assert.Equal([0.1, 0.05, 0.025, 0.0125], history.LearningRate);
        foreach (var name in new[] { "loss", "accuracy", "val_loss", "val_accuracy" }) Assert.Equal(4, history[name].Length);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], history.Names);
        Assert.Equal(4, history.Seconds.Length);
        Assert.All(history.Seconds, s => Assert.True(s > 0));
        Assert.Null(history.BestEpoch);
        Assert.False(history.StoppedEarly);
        Assert.Throws<KeyNotFoundException>(() => history["f1"]);
    }

    [Fact]
    public void Fit_ReduceLROnPlateauInTheHook_SeesTheValidationLoss()
    {
        manual_seed(8);
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 1.0, momentum: 0.9); // too fast: the loss bounces
        // patience 0: every epoch whose validation loss does not improve cuts the learning rate.
        var plateau = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor: 0.5, patience: 0);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { OnEpochEnd = r => plateau.step(r.ValidationLoss!.Value) };
        var history = trainer.Fit(DataLoader(_train, batchSize: 64), epochs: 6, validation: DataLoader(_test, batchSize: 512));

        // PyTorch's rule (mode min, threshold 1e-4 relative): better means below best·(1 − 1e-4).
        var (lr, best) = (1.0, double.PositiveInfinity);
        foreach (var (loss, recorded) in history.ValidationLoss!.Zip(history.LearningRate))
        {
            Assert.Equal(lr, recorded, 12);
            if (loss < best * (1 - 1e-4)) best = loss;
            else lr *= 0.5;
        }
        Assert.True(history.LearningRate[^1] < 1.0, "the scheduler never cut the learning rate");
    }

    [Fact]
    public void Fit_ClipGradNorm_BoundsEveryUpdate()
    {
        manual_seed(9);
        using var model = nn.Sequential(nn.Linear(4, 1));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 1.0);
        var trainer = new Trainer(model, nn.MSELoss(), optimizer) { ClipGradNorm = 0.01 };
        using var x = randn(16, 4) * 100;
        using var y = randn(16, 1) * 100;
        using var before = torch.cat(model.parameters().Select(p => p.detach().reshape(-1)).ToList());
        trainer.Fit([[x, y]], epochs: 1);
        using var after = torch.cat(model.parameters().Select(p => p.detach().reshape(-1)).ToList());
        using var step = (after - before).norm();
        // One SGD step with lr 1 moves the parameters by the clipped gradient: norm 0.01 (huge without clipping).
        Assert.Equal(0.01, step.item<float>(), 5);
    }

    [Fact]
    public void Fit_WithoutValidation_HasNoValidationLoss()
    {
        manual_seed(4);
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var history = new Trainer(model, nn.CrossEntropyLoss(), optimizer).Fit(DataLoader(_test, batchSize: 128), epochs: 2);
        Assert.Null(history.ValidationLoss);
        Assert.Equal(["loss"], history.Names);
    }

    [Fact]
    public void Evaluate_LossIsTheMeanOverAllSamples()
    {
        manual_seed(5);
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer);
        var evaluation = trainer.Evaluate(DataLoader(_test, batchSize: 50)); // 360 samples: batches of 50 and a last of 10

        using var scope = NewDisposeScope();
        var all = DataLoader(_test, batchSize: 10_000).Select(b => b.Select(t => t.clone()).ToArray()).Single();
        using var noGrad = no_grad();
        var expected = nn.functional.cross_entropy(model.forward(all[0]), all[1]).item<float>();
        Assert.Equal(expected, evaluation.Loss, 1e-5); // float32 batch means, summed in float64
        Assert.True(model.training); // evaluation restores training mode
    }

    [Fact]
    public void Fit_FifteenThousandSteps_KeepsMemoryFlat()
    {
        manual_seed(6);
        using var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { Metrics = [Metric.Accuracy] };
        using var x = randn(32, 16);
        using var y = randint(0, 4, [32]);
        Tensor[] batch = [x, y];
        trainer.Fit(Enumerable.Repeat(batch, 500), epochs: 1); // warm up allocators and caches

        // Finalize tensors earlier tests dropped, so the process-wide count only moves because of this test.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        // Resident memory after each of three equal rounds of 5,000 steps. The first round may still grow while
        // libtorch's and .NET's allocators settle (measured on this machine: up to ~150 MB over the first 10,000
        // steps with no tensor alive, then flat); a leak keeps growing round after round.
        var resident = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            trainer.Fit(Enumerable.Repeat(batch, 5_000), epochs: 1);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            resident.Add(Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0));
        }

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        var lastRound = resident[2] - resident[1];
        Assert.True(lastRound < 10, $"resident memory grew {lastRound:F1} MB over the last 5,000 steps (after each round: {string.Join(", ", resident.Select(r => $"{r:F0} MB"))})");
        Assert.False(x.IsInvalid); // the caller's batches are the caller's
    }

    [Fact]
    public void Verbose_PrintsOneLinePerEpochAndTheBestEpoch()
    {
        manual_seed(7);
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer)
        {
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping(Patience: 5),
            Verbose = true,
        };
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            trainer.Fit(DataLoader(_train, batchSize: 256), epochs: 2, validation: DataLoader(_test, batchSize: 512));
        }
        finally
        {
            Console.SetOut(console);
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^epoch 1 · loss \d\.\d{4} · accuracy \d\.\d{4} · val_loss \d\.\d{4} · val_accuracy \d\.\d{4} · lr 0\.1 · \d+\.\d\d s$", lines[0]);
        Assert.StartsWith("best epoch", lines[2]);
    }

    [Fact]
    public void BadSetup_ThrowsClearErrors()
    {
        using var model = Mlp(hidden: 8);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        var data = DataLoader(_test, batchSize: 128);

        var none = new Trainer(model, nn.CrossEntropyLoss(reduction: nn.Reduction.None), optimizer);
        Assert.Contains("must return a scalar", Assert.Throws<InvalidOperationException>(() => none.Fit(data, 1)).Message);

        var trainer = new Trainer(model, nn.CrossEntropyLoss(), optimizer);
        using var lone = ones(4, 1, 8, 8);
        Assert.Contains("[input, target, …]", Assert.Throws<ArgumentException>(() => trainer.Fit([[lone]], 1)).Message);
        Assert.Contains("no batches", Assert.Throws<ArgumentException>(() => trainer.Fit([], 1)).Message);

        var needsValidation = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { EarlyStopping = new EarlyStopping() };
        Assert.Contains("no validation data", Assert.Throws<ArgumentException>(() => needsValidation.Fit(data, 1)).Message);
        var unknown = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { EarlyStopping = new EarlyStopping(Monitor: "f1") };
        Assert.Contains("neither loss", Assert.Throws<ArgumentException>(() => unknown.Fit(data, 1, data)).Message);
        var twice = new Trainer(model, nn.CrossEntropyLoss(), optimizer) { Metrics = [Metric.Accuracy, Metric.Accuracy] };
        Assert.Throws<ArgumentException>(() => twice.Fit(data, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(Patience: 0));
    }

    [Fact]
    public void Accuracy_HandlesClassIndicesProbabilitiesAndBinaryLogits()
    {
        using var scope = NewDisposeScope();
        var scores = tensor(new[] { 0.1f, 0.9f, 0.8f, 0.2f, 0.3f, 0.7f }, [3, 2]);
        Assert.Equal(2.0 / 3, Metric.Accuracy.Compute(scores, tensor(new[] { 1L, 0, 0 })), 12);
        Assert.Equal(1.0, Metric.Accuracy.Compute(scores, tensor(new[] { 0f, 1, 1, 0, 0, 1 }, [3, 2])), 12);
        Assert.Equal(0.75, Metric.Accuracy.Compute(tensor(new[] { 2f, -1, 0.5f, -3 }), tensor(new[] { 1f, 0, 0, 0 })), 12);
        Assert.Equal(0.5, Metric.Accuracy.Compute(tensor(new[] { 2f, -1 }, [2, 1]), tensor(new[] { 0f, 0 }, [2, 1])), 12);
    }
}

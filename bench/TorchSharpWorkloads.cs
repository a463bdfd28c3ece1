using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// The TorchSharp side: each workload mirrors the function of the same name in pytorch_bench.py (same shapes,
/// models, optimizers, seed, iteration counts and repeats). Inputs are random tensors of the digits dataset's
/// shapes, as on the Python side, so neither side pays for data loading.
/// </summary>
internal static class TorchSharpWorkloads
{
    /// <summary>Workload name → measurement; the names are the keys pytorch_bench.py reports.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<double>> All = new Dictionary<string, Func<double>>
    {
        ["small_op_seconds"] = SmallOpSeconds,
        ["matmul_gflops"] = MatmulGflops,
        ["sgd_step_seconds"] = LinearRegressionSgdStepSeconds,
        ["mlp_steps_per_second"] = DigitsMlpStepsPerSecond,
        ["cnn_steps_per_second"] = DigitsCnnStepsPerSecond,
        ["lstm_steps_per_second"] = LstmStepsPerSecond,
    };

    /// <summary><c>a.add(b)</c> on 4-element tensors: what one call through the front end costs.</summary>
    private static double SmallOpSeconds()
    {
        using var a = ones(4);
        using var b = ones(4);
        return Measurement.SecondsPerIteration(() => a.add(b).Dispose(), iterations: 100_000, repeats: 30);
    }

    private static double MatmulGflops()
    {
        const int n = 1024;
        using var a = randn(n, n);
        using var b = randn(n, n);
        a.mm(b).Dispose(); // warm-up: the first call sizes the BLAS library's buffers
        var seconds = Measurement.SecondsPerIteration(() => a.mm(b).Dispose(), iterations: 10, repeats: 10);
        return 2.0 * n * n * n / seconds / 1e9;
    }

    /// <summary>One hand-written gradient step of linear regression (64 × 8): many tiny ops, autograd included.</summary>
    private static double LinearRegressionSgdStepSeconds()
    {
        manual_seed(0);
        using var x = randn(64, 8);
        using var trueWeights = randn(8, 1);
        using var noise = randn(64, 1);
        using var y = x.matmul(trueWeights) + noise * 0.1;
        using var w = zeros([8, 1], requires_grad: true);
        using var b = zeros([1], requires_grad: true);
        return Measurement.SecondsPerIteration(() =>
        {
            using var scope = NewDisposeScope();
            var loss = (x.matmul(w) + b - y).pow(2).mean();
            loss.backward();
            using (no_grad())
            {
                w.sub_(w.grad! * 0.01);
                b.sub_(b.grad! * 0.01);
            }
            w.grad!.zero_();
            b.grad!.zero_();
        }, iterations: 20_000, repeats: 3);
    }

    /// <summary>The digits MLP of notebook 06: 64 → 128 → ReLU → 10, Adam (lr 1e-3), batch 64.</summary>
    private static double DigitsMlpStepsPerSecond()
    {
        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10));
        using var x = rand(64, 64);
        using var y = randint(0, 10, [64]);
        using var adam = optim.Adam(model.parameters(), lr: 1e-3);
        return TrainingStepsPerSecond(model, x, y, CrossEntropy, adam, steps: 2000);
    }

    /// <summary>
    /// The digits CNN of notebooks 06–08 (AiLab.Models.DigitsCnn): conv 3×3 (16) → ReLU → pool 2 → conv 3×3 (32)
    /// → ReLU → pool 2 → flatten → linear 128 → 10; Adam (lr 1e-3), batch 64 of 1 × 8 × 8 images.
    /// </summary>
    private static double DigitsCnnStepsPerSecond()
    {
        manual_seed(0);
        using var model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 2 * 2, 10));
        using var x = rand(64, 1, 8, 8);
        using var y = randint(0, 10, [64]);
        using var adam = optim.Adam(model.parameters(), lr: 1e-3);
        return TrainingStepsPerSecond(model, x, y, CrossEntropy, adam, steps: 500);
    }

    /// <summary>An LSTM sequence regressor (hidden 64, 30 steps of 8 features), SGD (lr 0.01), batch 32.</summary>
    private static double LstmStepsPerSecond()
    {
        manual_seed(0);
        using var model = new LstmRegressor();
        using var x = randn(32, 30, 8);
        using var y = randn(32, 1);
        using var sgd = optim.SGD(model.parameters(), 0.01);
        return TrainingStepsPerSecond(model, x, y, MeanSquaredError, sgd, steps: 100);
    }

    private static Tensor CrossEntropy(Tensor logits, Tensor labels) => nn.functional.cross_entropy(logits, labels);

    private static Tensor MeanSquaredError(Tensor prediction, Tensor target) => nn.functional.mse_loss(prediction, target);

    private static double TrainingStepsPerSecond(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y,
        Func<Tensor, Tensor, Tensor> loss, optim.Optimizer optimizer, int steps)
    {
        var seconds = Measurement.SecondsPerIteration(() =>
        {
            // The scope frees each step's activations and gradients graph now, not at some later GC.
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            loss(model.call(x), y).backward();
            optimizer.step();
        }, iterations: steps, repeats: 3);
        return 1 / seconds;
    }
}

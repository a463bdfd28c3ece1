"""The PyTorch side of bench/: the same workloads as TorchSharpWorkloads.cs (same shapes, models, optimizers,
seed, iteration counts and repeats). Run with Debian's python3 (python3-torch). Prints one JSON object."""
import json
import sys
import time

import torch


# As Measurement.LoopBudgetSeconds: a loop stops early after this long (a healthy one takes under 2 s).
LOOP_BUDGET_SECONDS = 4


def seconds_per_iteration(run_chunk, iterations, repeats):
    """Seconds per iteration, best of `repeats` loops of `iterations` iterations (or as many as fit in the budget).
    run_chunk(k) runs k iterations inline: a Python call per iteration would cost the small op ~5 %."""
    check_every = max(1, iterations // 100)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        done = 0
        while done < iterations:
            run_chunk(check_every)
            done += check_every
            if time.perf_counter() - start > LOOP_BUDGET_SECONDS:
                break
        best = min(best, (time.perf_counter() - start) / done)
    return best


def small_op():
    a, b = torch.ones(4), torch.ones(4)

    def run_chunk(k):
        for _ in range(k):
            torch.add(a, b)
    return seconds_per_iteration(run_chunk, iterations=100_000, repeats=30)


def matmul_gflops(n=1024):
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)  # warm-up: the first call sizes the BLAS library's buffers

    def run_chunk(k):
        for _ in range(k):
            torch.mm(a, b)
    return 2 * n ** 3 / seconds_per_iteration(run_chunk, iterations=10, repeats=10) / 1e9


def sgd_step():
    torch.manual_seed(0)
    x = torch.randn(64, 8)
    y = x @ torch.randn(8, 1) + 0.1 * torch.randn(64, 1)
    w = torch.zeros(8, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)

    def run_chunk(k):
        for _ in range(k):
            loss = ((x @ w + b) - y).pow(2).mean()
            loss.backward()
            with torch.no_grad():
                w.sub_(0.01 * w.grad)
                b.sub_(0.01 * b.grad)
            w.grad.zero_()
            b.grad.zero_()
    return seconds_per_iteration(run_chunk, iterations=20_000, repeats=3)


def training_steps_per_second(model, make_batch, loss_fn, steps, optimizer):
    x, y = make_batch()

    def run_chunk(k):
        for _ in range(k):
            # Zero the gradients in place, as TorchSharp 0.107's zero_grad() does (PyTorch >= 2 defaults to None).
            optimizer.zero_grad(set_to_none=False)
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
    return 1 / seconds_per_iteration(run_chunk, iterations=steps, repeats=3)


def digits_mlp():
    """The digits MLP of notebook 06: 64 -> 128 -> ReLU -> 10, Adam (lr 1e-3), batch 64."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    return training_steps_per_second(model, lambda: (torch.rand(64, 64), torch.randint(0, 10, (64,))),
                                     torch.nn.functional.cross_entropy, 2000, torch.optim.Adam(model.parameters(), lr=1e-3))


def digits_cnn():
    """The digits CNN of notebooks 06-08 (AiLab.Models.DigitsCnn), Adam (lr 1e-3), batch 64 of 1x8x8 images."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 2 * 2, 10))
    return training_steps_per_second(model, lambda: (torch.rand(64, 1, 8, 8), torch.randint(0, 10, (64,))),
                                     torch.nn.functional.cross_entropy, 500, torch.optim.Adam(model.parameters(), lr=1e-3))


class LstmRegressor(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(8, 64, batch_first=True)
        self.head = torch.nn.Linear(64, 1)

    def forward(self, x):
        output, _ = self.lstm(x)
        return self.head(output[:, -1])


def lstm_step():
    torch.manual_seed(0)
    model = LstmRegressor()
    return training_steps_per_second(model, lambda: (torch.randn(32, 30, 8), torch.randn(32, 1)),
                                     torch.nn.functional.mse_loss, 100, torch.optim.SGD(model.parameters(), lr=0.01))


WORKLOADS = {
    "small_op_seconds": small_op,
    "matmul_gflops": matmul_gflops,
    "sgd_step_seconds": sgd_step,
    "mlp_steps_per_second": digits_mlp,
    "cnn_steps_per_second": digits_cnn,
    "lstm_steps_per_second": lstm_step,
}

if __name__ == "__main__":
    # pytorch_bench.py [threads] [workload ...]: the named workloads (default: all), as JSON.
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
    names = sys.argv[2:] or list(WORKLOADS)
    torch.set_num_threads(threads)
    results = {"torch_version": torch.__version__, "threads": torch.get_num_threads()}
    results.update((name, WORKLOADS[name]()) for name in names)
    print(json.dumps(results))

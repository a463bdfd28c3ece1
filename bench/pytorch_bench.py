"""The PyTorch side of bench/: the same workloads as Program.cs on the same libtorch.
Run with Debian's python3 (python3-torch). Prints one JSON object of timings."""
import json
import sys
import time

import torch


def best_of(fn, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        best = min(best, fn())
    return best


def small_op(iterations=200_000):
    a, b = torch.ones(4), torch.ones(4)

    def run():
        start = time.perf_counter()
        for _ in range(iterations):
            torch.add(a, b)
        return (time.perf_counter() - start) / iterations
    return best_of(run)


def matmul_gflops(n=1024, iterations=10):
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)

    def run():
        start = time.perf_counter()
        for _ in range(iterations):
            torch.mm(a, b)
        return (time.perf_counter() - start) / iterations
    return 2 * n ** 3 / best_of(run) / 1e9


def sgd_step(iterations=20_000):
    torch.manual_seed(0)
    x = torch.randn(64, 8)
    y = x @ torch.randn(8, 1) + 0.1 * torch.randn(64, 1)
    w = torch.zeros(8, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)

    def run():
        start = time.perf_counter()
        for _ in range(iterations):
            loss = ((x @ w + b) - y).pow(2).mean()
            loss.backward()
            with torch.no_grad():
                w.sub_(0.01 * w.grad)
                b.sub_(0.01 * b.grad)
                w.grad = None
                b.grad = None
        return (time.perf_counter() - start) / iterations
    return best_of(run, repeats=3)


if __name__ == "__main__":
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
    torch.set_num_threads(threads)
    print(json.dumps({
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "small_op_seconds": small_op(),
        "matmul_gflops": matmul_gflops(),
        "sgd_step_seconds": sgd_step(),
    }))

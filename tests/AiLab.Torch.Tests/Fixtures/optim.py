"""Writes optim.json: PyTorch's optimizer trajectories, learning-rate schedules and gradient clipping
results, the oracle for tests/AiLab.Torch.Tests/optim. Run with Debian's python3-torch (the same
libtorch 1.13 the C# library uses):

    /usr/bin/python3 tests/AiLab.Torch.Tests/Fixtures/optim.py

Everything is float64 and built from literal values (no RNG), so the C# tests rebuild the same problems.
"""
import json
import math
import os

import torch

STEPS = 10

# f(x) = ½ xᵀAx − bᵀx: a fixed, well-conditioned quadratic.
QUAD_A = [[3.0, 0.5, 0.0], [0.5, 2.0, 0.3], [0.0, 0.3, 1.0]]
QUAD_B = [1.0, -2.0, 0.5]
QUAD_X0 = [1.0, 1.0, 1.0]

# A tiny linear model y = X Wᵀ + bias with mean squared error; W and bias form two parameter groups.
LIN_W0 = [[0.5, -0.3, 0.2], [0.1, 0.4, -0.6]]
LIN_B0 = [0.05, -0.1]
LIN_X = [[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-2.0, 0.3, 0.7], [1.2, 0.8, -0.4]]
LIN_Y = [[1.0, 0.0], [-0.5, 2.0], [0.3, -1.0], [2.0, 0.5]]

OPTIMIZERS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.1}),
    ("Adam", {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-6, "weight_decay": 0.1, "amsgrad": True}),
    ("Adam", {"lr": 0.01, "maximize": True}),
    ("AdamW", {"lr": 0.1}),
    ("AdamW", {"lr": 0.05, "weight_decay": 0.5, "amsgrad": True}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.1}),
    ("Adagrad", {"lr": 0.1}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.05, "weight_decay": 0.1, "initial_accumulator_value": 0.2, "eps": 1e-8}),
]


def t(values):
    return torch.tensor(values, dtype=torch.float64)


def make_optimizer(name, kwargs, groups):
    kwargs = dict(kwargs)
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    return getattr(torch.optim, name)(groups, **kwargs)


def quadratic(name, kwargs):
    x = t(QUAD_X0).requires_grad_()
    a, b = t(QUAD_A), t(QUAD_B)
    optimizer = make_optimizer(name, kwargs, [x])
    trajectory = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = 0.5 * x.dot(a.mv(x)) - b.dot(x)
        loss.backward()
        optimizer.step()
        trajectory.append(x.detach().tolist())
    return trajectory


def linear(name, kwargs):
    w = t(LIN_W0).requires_grad_()
    bias = t(LIN_B0).requires_grad_()
    x, y = t(LIN_X), t(LIN_Y)
    # The bias group runs at half the default learning rate.
    optimizer = make_optimizer(name, kwargs, [{"params": [w]}, {"params": [bias], "lr": kwargs["lr"] * 0.5}])
    trajectory = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = ((x.matmul(w.t()) + bias - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        trajectory.append(w.detach().flatten().tolist() + bias.detach().tolist())
    return trajectory


def optimizer_cases():
    cases = []
    for name, kwargs in OPTIMIZERS:
        cases.append({"name": name, "kwargs": kwargs, "problem": "quadratic", "trajectory": quadratic(name, kwargs)})
        cases.append({"name": name, "kwargs": kwargs, "problem": "linear", "trajectory": linear(name, kwargs)})
    return cases


# Two groups (lr 0.1 and 0.05) so per-group behaviour shows; momentum/beta1 recorded for OneCycleLR.
SCHEDULERS = [
    ("StepLR", "SGD", {"step_size": 3, "gamma": 0.5}, 12, None),
    ("MultiStepLR", "SGD", {"milestones": [2, 5, 5, 9], "gamma": 0.3}, 12, None),
    ("ExponentialLR", "SGD", {"gamma": 0.9}, 12, None),
    ("CosineAnnealingLR", "SGD", {"T_max": 5, "eta_min": 0.001}, 25, None),
    ("CosineAnnealingLR", "SGD", {"T_max": 10}, 10, None),
    ("OneCycleLR", "SGD", {"max_lr": [1.0, 0.5], "total_steps": 20}, 19, None),
    ("OneCycleLR", "Adam", {"max_lr": 0.1, "epochs": 4, "steps_per_epoch": 5, "anneal_strategy": "linear",
                            "three_phase": True, "pct_start": 0.25, "div_factor": 10.0, "final_div_factor": 100.0}, 19, None),
    ("OneCycleLR", "Adagrad", {"max_lr": 0.2, "total_steps": 12, "cycle_momentum": False, "pct_start": 0.5}, 11, None),
    ("ReduceLROnPlateau", "SGD", {"mode": "min", "factor": 0.5, "patience": 2, "threshold": 0.01},
     None, [1.0, 0.9, 0.95, 0.91, 0.92, 0.85, 0.86, 0.87, 0.88, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77]),
    ("ReduceLROnPlateau", "SGD", {"mode": "max", "factor": 0.3, "patience": 1, "threshold": 0.1, "threshold_mode": "abs",
                                  "cooldown": 2, "min_lr": [0.02, 0.01]},
     None, [0.5, 0.6, 0.65, 0.64, 0.66, 0.7, 0.69, 0.69, 0.72, 0.75, 0.74, 0.73, 0.72, 0.71, 0.70, 0.69, 0.68]),
]


def momentum_of(optimizer):
    return [g["betas"][0] if "betas" in g else g.get("momentum") for g in optimizer.param_groups]


def scheduler_case(name, optimizer_name, kwargs, steps, metrics):
    p1 = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    p2 = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    extra = {"momentum": 0.9} if optimizer_name == "SGD" else {}
    optimizer = getattr(torch.optim, optimizer_name)([{"params": [p1]}, {"params": [p2], "lr": 0.05}], lr=0.1, **extra)
    scheduler = getattr(torch.optim.lr_scheduler, name)(optimizer, **kwargs)
    if metrics is None:
        lrs, momenta = [scheduler.get_last_lr()], [momentum_of(optimizer)]
        for _ in range(steps):
            optimizer.step()
            scheduler.step()
            lrs.append(scheduler.get_last_lr())
            momenta.append(momentum_of(optimizer))
    else:
        lrs, momenta = [], []
        for metric in metrics:
            optimizer.step()
            scheduler.step(metric)
            lrs.append([g["lr"] for g in optimizer.param_groups])
            momenta.append(momentum_of(optimizer))
    return {"name": name, "optimizer": optimizer_name, "kwargs": kwargs, "steps": steps, "metrics": metrics,
            "lrs": lrs, "momenta": momenta}


def clip_cases():
    cases = []
    grads = [[[0.3, -1.2], [2.0, 0.5], [-0.7, 1.1]], [0.4, -0.9, 3.0, 0.2]]
    for norm_type in [2.0, 1.0, 3.0, math.inf]:
        for max_norm in [1.0, 100.0]:
            params = [torch.zeros(3, 2, dtype=torch.float64, requires_grad=True),
                      torch.zeros(4, dtype=torch.float64, requires_grad=True)]
            for p, g in zip(params, grads):
                p.grad = t(g)
            total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
            cases.append({"norm_type": "inf" if math.isinf(norm_type) else norm_type, "max_norm": max_norm,
                          "total_norm": total.item(),
                          "grads": [v for p in params for v in p.grad.flatten().tolist()]})
    return {"grads": grads, "cases": cases}


def main():
    fixture = {
        "torch_version": torch.__version__,
        "steps": STEPS,
        "quadratic": {"A": QUAD_A, "b": QUAD_B, "x0": QUAD_X0},
        "linear": {"W0": LIN_W0, "b0": LIN_B0, "X": LIN_X, "Y": LIN_Y},
        "optimizers": optimizer_cases(),
        "schedulers": [scheduler_case(*s) for s in SCHEDULERS],
        "clip_grad_norm": clip_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim.json")
    with open(path, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

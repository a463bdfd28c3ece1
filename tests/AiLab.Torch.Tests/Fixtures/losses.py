"""Expected values and input gradients for AiLab.Torch's losses, computed by PyTorch (Debian
python3-torch 1.13, the same libtorch). Regenerate with: /usr/bin/python3 losses.py > losses.json

Each case records its inputs (so the C# test needs no shared RNG), the keyword arguments, the loss
value, and the gradient of the input for the upstream gradient `grad_output` (ones for a scalar loss,
a fixed random tensor for reduction='none')."""
import json
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, C = 6, 4
logits = torch.randn(N, C) * 2
labels = torch.tensor([0, 3, 1, 1, 2, 3])
labels_ignored = torch.tensor([0, -100, 1, -100, 2, 3])
labels_custom_ignore = torch.tensor([0, 2, 1, 2, 2, 3])
labels_all_ignored = torch.full((N,), -100)
class_weight = torch.tensor([0.5, 2.0, 1.0, 3.0])
probs = torch.softmax(torch.randn(N, C), 1)
logits_3d = torch.randn(N, C, 3)            # (N, C, d1): per-position classification
labels_3d = torch.randint(0, C, (N, 3))
labels_3d[0, 1] = -100
logits_1d = torch.randn(C)                  # unbatched: input (C), target ()
label_0d = torch.tensor(2)

bin_logits = torch.randn(N, 3) * 3
bin_logits[0, 0], bin_logits[1, 1] = 60.0, -60.0   # saturated logits: the stable formula must not overflow
bin_targets = (torch.rand(N, 3) > 0.5).float()
soft_bin_targets = torch.rand(N, 3)
bin_probs = torch.sigmoid(torch.randn(N, 3))
bin_weight = torch.tensor([1.0, 0.5, 2.0])       # broadcast over the batch
pos_weight = torch.tensor([3.0, 1.0, 0.25])

reg_input = torch.randn(N, 3) * 2
reg_target = torch.randn(N, 3)

kl_input = torch.log_softmax(torch.randn(N, C), 1)
kl_target = torch.softmax(torch.randn(N, C), 1)
kl_log_target = torch.log_softmax(torch.randn(N, C), 1)

# name: (function name, input, other tensors by argument name, keyword arguments)
cases = {
    "ce_mean": ("cross_entropy", logits, {"target": labels}, {}),
    "ce_sum": ("cross_entropy", logits, {"target": labels}, {"reduction": "sum"}),
    "ce_none": ("cross_entropy", logits, {"target": labels}, {"reduction": "none"}),
    "ce_weight_mean": ("cross_entropy", logits, {"target": labels, "weight": class_weight}, {}),
    "ce_weight_none": ("cross_entropy", logits, {"target": labels, "weight": class_weight}, {"reduction": "none"}),
    "ce_ignore_default_mean": ("cross_entropy", logits, {"target": labels_ignored}, {}),
    "ce_ignore_default_none": ("cross_entropy", logits, {"target": labels_ignored}, {"reduction": "none"}),
    "ce_ignore_custom_weight_mean": ("cross_entropy", logits, {"target": labels_custom_ignore, "weight": class_weight}, {"ignore_index": 2}),
    "ce_all_ignored_mean": ("cross_entropy", logits, {"target": labels_all_ignored}, {}),
    "ce_all_ignored_sum": ("cross_entropy", logits, {"target": labels_all_ignored}, {"reduction": "sum"}),
    "ce_smoothing_mean": ("cross_entropy", logits, {"target": labels}, {"label_smoothing": 0.1}),
    "ce_smoothing_weight_mean": ("cross_entropy", logits, {"target": labels, "weight": class_weight}, {"label_smoothing": 0.2}),
    "ce_smoothing_ignore_none": ("cross_entropy", logits, {"target": labels_ignored}, {"label_smoothing": 0.1, "reduction": "none"}),
    "ce_smoothing_ignore_weight_sum": ("cross_entropy", logits, {"target": labels_ignored, "weight": class_weight}, {"label_smoothing": 0.3, "reduction": "sum"}),
    "ce_probs_mean": ("cross_entropy", logits, {"target": probs}, {}),
    "ce_probs_sum": ("cross_entropy", logits, {"target": probs}, {"reduction": "sum"}),
    "ce_probs_none": ("cross_entropy", logits, {"target": probs}, {"reduction": "none"}),
    "ce_probs_weight_mean": ("cross_entropy", logits, {"target": probs, "weight": class_weight}, {}),
    "ce_probs_smoothing_mean": ("cross_entropy", logits, {"target": probs}, {"label_smoothing": 0.1}),
    "ce_kdim_mean": ("cross_entropy", logits_3d, {"target": labels_3d}, {}),
    "ce_kdim_none": ("cross_entropy", logits_3d, {"target": labels_3d}, {"reduction": "none"}),
    "ce_unbatched": ("cross_entropy", logits_1d, {"target": label_0d}, {}),

    "nll_mean": ("nll_loss", torch.log_softmax(logits, 1), {"target": labels}, {}),
    "nll_sum": ("nll_loss", torch.log_softmax(logits, 1), {"target": labels}, {"reduction": "sum"}),
    "nll_weight_ignore_mean": ("nll_loss", torch.log_softmax(logits, 1), {"target": labels_ignored, "weight": class_weight}, {}),
    "nll_ignore_custom_none": ("nll_loss", torch.log_softmax(logits, 1), {"target": labels_custom_ignore}, {"ignore_index": 2, "reduction": "none"}),
    "nll_all_ignored_mean": ("nll_loss", torch.log_softmax(logits, 1), {"target": labels_all_ignored}, {}),
    "nll_kdim_weight_mean": ("nll_loss", torch.log_softmax(logits_3d, 1), {"target": labels_3d, "weight": class_weight}, {}),

    "bce_mean": ("binary_cross_entropy", bin_probs, {"target": bin_targets}, {}),
    "bce_sum": ("binary_cross_entropy", bin_probs, {"target": soft_bin_targets}, {"reduction": "sum"}),
    "bce_none": ("binary_cross_entropy", bin_probs, {"target": bin_targets}, {"reduction": "none"}),
    "bce_weight_mean": ("binary_cross_entropy", bin_probs, {"target": bin_targets, "weight": bin_weight}, {}),
    "bce_weight_none": ("binary_cross_entropy", bin_probs, {"target": soft_bin_targets, "weight": bin_weight}, {"reduction": "none"}),

    "bcel_mean": ("binary_cross_entropy_with_logits", bin_logits, {"target": bin_targets}, {}),
    "bcel_sum": ("binary_cross_entropy_with_logits", bin_logits, {"target": soft_bin_targets}, {"reduction": "sum"}),
    "bcel_none": ("binary_cross_entropy_with_logits", bin_logits, {"target": bin_targets}, {"reduction": "none"}),
    "bcel_pos_weight_mean": ("binary_cross_entropy_with_logits", bin_logits, {"target": bin_targets, "pos_weight": pos_weight}, {}),
    "bcel_weight_pos_weight_none": ("binary_cross_entropy_with_logits", bin_logits, {"target": soft_bin_targets, "weight": bin_weight, "pos_weight": pos_weight}, {"reduction": "none"}),
    "bcel_weight_sum": ("binary_cross_entropy_with_logits", bin_logits, {"target": bin_targets, "weight": bin_weight}, {"reduction": "sum"}),

    "mse_mean": ("mse_loss", reg_input, {"target": reg_target}, {}),
    "mse_sum": ("mse_loss", reg_input, {"target": reg_target}, {"reduction": "sum"}),
    "mse_none": ("mse_loss", reg_input, {"target": reg_target}, {"reduction": "none"}),
    "l1_mean": ("l1_loss", reg_input, {"target": reg_target}, {}),
    "l1_sum": ("l1_loss", reg_input, {"target": reg_target}, {"reduction": "sum"}),
    "l1_none": ("l1_loss", reg_input, {"target": reg_target}, {"reduction": "none"}),
    "smooth_l1_mean": ("smooth_l1_loss", reg_input, {"target": reg_target}, {}),
    "smooth_l1_beta_none": ("smooth_l1_loss", reg_input, {"target": reg_target}, {"beta": 0.5, "reduction": "none"}),
    "smooth_l1_beta_sum": ("smooth_l1_loss", reg_input, {"target": reg_target}, {"beta": 2.0, "reduction": "sum"}),
    "smooth_l1_beta0_mean": ("smooth_l1_loss", reg_input, {"target": reg_target}, {"beta": 0.0}),
    "huber_mean": ("huber_loss", reg_input, {"target": reg_target}, {}),
    "huber_delta_none": ("huber_loss", reg_input, {"target": reg_target}, {"delta": 0.5, "reduction": "none"}),
    "huber_delta_sum": ("huber_loss", reg_input, {"target": reg_target}, {"delta": 2.0, "reduction": "sum"}),

    "kl_mean": ("kl_div", kl_input, {"target": kl_target}, {}),
    "kl_batchmean": ("kl_div", kl_input, {"target": kl_target}, {"reduction": "batchmean"}),
    "kl_sum": ("kl_div", kl_input, {"target": kl_target}, {"reduction": "sum"}),
    "kl_none": ("kl_div", kl_input, {"target": kl_target}, {"reduction": "none"}),
    "kl_log_target_batchmean": ("kl_div", kl_input, {"target": kl_log_target}, {"reduction": "batchmean", "log_target": True}),
}


def encode(t):
    t = t.detach()
    values = t.flatten().tolist()
    if t.is_floating_point():
        values = [v if math.isfinite(v) else str(v) for v in values]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "values": values}


torch.manual_seed(1)
out = {}
for name, (fn, x, tensors, kwargs) in cases.items():
    x = x.detach().clone().requires_grad_()
    loss = getattr(F, fn)(x, **tensors, **kwargs)
    grad_output = torch.ones_like(loss) if loss.dim() == 0 else torch.randn_like(loss)
    loss.backward(grad_output)
    out[name] = {
        "fn": fn,
        "kwargs": kwargs,
        "input": encode(x),
        "tensors": {k: encode(v) for k, v in tensors.items()},
        "output": encode(loss),
        "grad_output": encode(grad_output),
        "grad": encode(x.grad),
    }

print(json.dumps({"torch_version": torch.__version__, "cases": out}))

"""Expected values for AiLab.Torch's op tests, computed by PyTorch (Debian python3-torch) on the
same libtorch. Regenerate with: /usr/bin/python3 make_fixtures.py > ops.json

Inputs are deterministic formulas (mirrored in OpFixtureTests.cs), so no randomness is shared.
Each case records the result's values (row-major), shape and dtype."""
import json
import math

import torch

a = torch.arange(6, dtype=torch.float32).reshape(2, 3) / 3 - 1          # [[-1,-2/3,-1/3],[0,1/3,2/3]]
b = torch.arange(3, dtype=torch.float32) + 0.5                          # [0.5,1.5,2.5]
c = torch.arange(12, dtype=torch.float32).reshape(3, 4) / 5             # 3x4
i = torch.arange(6).reshape(2, 3)                                        # int64
m = torch.tensor([[True, False, True], [False, True, False]])
p = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4).sin()         # 3-D

cases = {
    "add_broadcast": lambda: a + b,
    "add_alpha": lambda: torch.add(a, b, alpha=2),
    "sub_scalar": lambda: a - 1.5,
    "rsub_scalar": lambda: 2 - a,
    "mul_int_scalar": lambda: i * 3,
    "mul_int_float_scalar": lambda: i * 0.5,
    "div_int_true": lambda: i / 4,
    "div_floor": lambda: torch.div(i, 4, rounding_mode="floor"),
    "div_trunc_neg": lambda: torch.div(-i, 4, rounding_mode="trunc"),
    "remainder_neg": lambda: torch.remainder(-i, 4),
    "pow_scalar": lambda: a.pow(2),
    "pow_tensor": lambda: b.pow(b),
    "int_plus_float_tensor": lambda: i + b,
    "bool_plus_int": lambda: m + i,
    "neg_abs": lambda: (-a).abs(),
    "sqrt": lambda: b.sqrt(),
    "exp_log1p": lambda: a.exp().log1p(),
    "floor_ceil_round": lambda: torch.stack([(a * 2.5).floor(), (a * 2.5).ceil(), (a * 2.5).round()]),
    "round_half_even": lambda: torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5]).round(),
    "sin_cos_tanh": lambda: torch.stack([a.sin(), a.cos(), a.tanh()]),
    "sigmoid": lambda: a.sigmoid(),
    "relu": lambda: a.relu(),
    "gelu": lambda: torch.nn.functional.gelu(a),
    "gelu_tanh": lambda: torch.nn.functional.gelu(a, approximate="tanh"),
    "leaky_relu": lambda: torch.nn.functional.leaky_relu(a, 0.2),
    "elu": lambda: torch.nn.functional.elu(a, 0.5),
    "softmax_dim1": lambda: a.softmax(1),
    "softmax_dim0": lambda: a.softmax(0),
    "log_softmax_neg_dim": lambda: a.log_softmax(-1),
    "clamp_both": lambda: a.clamp(-0.5, 0.5),
    "clamp_min_only": lambda: a.clamp(min=0),
    "where_scalar": lambda: torch.where(a > 0, a, 0.0),
    "where_tensor": lambda: torch.where(m, a, b),
    "eq_gt": lambda: torch.stack([(i == 2), (i > 2)]),
    "logical": lambda: torch.stack([m & ~m.flip(0), m | m.flip(1), m ^ m.flip(0)]),
    "isnan_isinf": lambda: torch.stack([torch.tensor([1.0, math.nan, math.inf]).isnan(), torch.tensor([1.0, math.nan, -math.inf]).isinf()]),
    "nan_to_num": lambda: torch.nan_to_num(torch.tensor([1.0, math.nan, math.inf, -math.inf]), nan=0.0, posinf=9.0),
    "matmul_2d": lambda: a @ c,
    "matmul_vec": lambda: c.t() @ b,
    "matmul_batched_broadcast": lambda: p.transpose(1, 2) @ a.t(),
    "bmm": lambda: torch.bmm(p, p.transpose(1, 2)),
    "outer": lambda: torch.outer(b, b),
    "einsum": lambda: torch.einsum("bij,jk->bik", p, c.t()),
    "sum_all": lambda: a.sum(),
    "sum_dim_keepdim": lambda: p.sum(1, keepdim=True),
    "sum_dims": lambda: p.sum((0, 2)),
    "sum_int": lambda: i.sum(),
    "mean_neg_dim": lambda: p.mean(-1),
    "std_unbiased": lambda: p.std(1),
    "var_biased": lambda: p.var(1, unbiased=False),
    "std_all": lambda: p.std(),
    "max_all": lambda: p.max(),
    "max_dim_values": lambda: p.max(2).values,
    "max_dim_indices": lambda: p.max(2).indices,
    "min_dim_keepdim_values": lambda: p.min(0, keepdim=True).values,
    "argmax_all": lambda: p.argmax(),
    "argmin_dim": lambda: p.argmin(1),
    "prod_dim": lambda: c.prod(1),
    "norm_all": lambda: a.norm(),
    "norm_p1_dim": lambda: torch.linalg.vector_norm(p, 1, dim=1),
    "cumsum": lambda: c.cumsum(1),
    "logsumexp": lambda: p.logsumexp(2),
    "all_any": lambda: torch.stack([m.all(1), m.any(1)]),
    "topk_values": lambda: p.topk(2, dim=-1).values,
    "topk_indices": lambda: p.topk(2, dim=-1).indices,
    "sort_desc_values": lambda: p.sort(1, descending=True).values,
    "argsort": lambda: p.argsort(-1),
    "view": lambda: c.view(2, 6),
    "reshape_infer": lambda: p.reshape(-1, 8),
    "flatten_partial": lambda: p.flatten(1),
    "unsqueeze_squeeze": lambda: b.unsqueeze(0).unsqueeze(2).squeeze(0),
    "permute": lambda: p.permute(2, 0, 1),
    "transpose_contiguous": lambda: p.transpose(0, 2).contiguous(),
    "expand": lambda: b.unsqueeze(1).expand(3, 2),
    "repeat": lambda: b.repeat(2, 2),
    "cat_dim1": lambda: torch.cat([a, a * 2], 1),
    "stack_dim1": lambda: torch.stack([b, b * 2], 1),
    "split_second": lambda: c.split(2, dim=1)[1],
    "chunk_last": lambda: p.chunk(3, dim=1)[2],
    "narrow": lambda: c.narrow(1, 1, 2),
    "index_select": lambda: c.index_select(1, torch.tensor([3, 0])),
    "gather": lambda: c.gather(1, torch.tensor([[0, 0], [1, 0], [3, 2]])),
    "scatter_src": lambda: torch.zeros(3, 4).scatter(1, torch.tensor([[1], [2], [0]]), torch.ones(3, 1) * 7),
    "scatter_add_dupes": lambda: torch.zeros(5).scatter_add(0, torch.tensor([0, 1, 1, 4]), torch.tensor([1.0, 2.0, 3.0, 4.0])),
    "masked_fill": lambda: a.masked_fill(m, -9.0),
    "one_hot": lambda: torch.nn.functional.one_hot(torch.tensor([2, 0, 1]), 4),
    "tril_triu": lambda: torch.stack([c[:, :3].tril(), c[:, :3].triu(1)]),
    "index_int_range": lambda: p[1, 1:3],
    "index_step": lambda: c[-1, ::2],
    "index_ellipsis": lambda: p[..., 0],
    "index_none": lambda: b[None, :, None],
    "index_mask": lambda: a[m],
    "index_tensor": lambda: c[torch.tensor([2, 0])],
    "index_two_tensors": lambda: c[torch.tensor([0, 2]), torch.tensor([1, 3])],
    "index_slice_then_tensor": lambda: p[:, 1:, torch.tensor([0, 3])],
    "index_int_and_tensor": lambda: p[0, :, torch.tensor([1, 2])],
    "cdist": lambda: torch.cdist(a, a * 0.5),
    "float16_roundtrip": lambda: (a * 1000).half().float(),
    "bfloat16_roundtrip": lambda: (a * 1000).bfloat16().float(),
    "to_int_truncates": lambda: (a * 2.5).to(torch.int32),
    "linspace": lambda: torch.linspace(-1, 1, 5),
    "arange_float_step": lambda: torch.arange(0, 1, 0.25),
    "arange_int": lambda: torch.arange(2, 11, 3),
    "eye_rect": lambda: torch.eye(2, 3),
    "full_int": lambda: torch.full((2, 2), 7),
}


def encode(t):
    t = t.detach()
    if t.dtype == torch.bool:
        values = [bool(v) for v in t.flatten().tolist()]
    else:
        values = [float(v) if t.is_floating_point() else int(v) for v in t.flatten().tolist()]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "values": values}


seeded = {}
torch.manual_seed(0)
seeded["randn_2x3"] = encode(torch.randn(2, 3))
seeded["rand_4"] = encode(torch.rand(4))
seeded["randint_0_10_5"] = encode(torch.randint(0, 10, (5,)))
seeded["randperm_6"] = encode(torch.randperm(6))

print(json.dumps({"torch_version": torch.__version__, "cases": {k: encode(f()) for k, f in cases.items()},
                  "seeded": seeded}, allow_nan=True))

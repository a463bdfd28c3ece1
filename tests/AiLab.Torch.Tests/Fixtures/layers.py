"""Expected values for AiLab.Torch's layer tests (LayerFixtureTests.cs), computed by PyTorch (Debian python3-torch 1.13)
on the same libtorch. Regenerate with: /usr/bin/python3 layers.py > layers.json

Each case seeds the generator, builds a layer (so its default initialisation is checked draw for draw), runs it on a
deterministic input, and backpropagates sum(output * wave(output.shape, phase=1)). It records the initial parameters
("param.<name>"), the output, the gradients of the inputs ("grad.input<i>") and parameters ("grad.<name>"), the buffers
after the forward pass ("buffer.<name>"), and the module's repr. Inputs are formulas mirrored in C#, so no randomness is
shared beyond the layer's own initialisation."""
import json

import torch
import torch.nn as nn
import torch.nn.functional as F


def wave(shape, phase=0.0, scale=1.0, dtype=torch.float32):
    """sin(0.37·k + phase)·scale over the flat index k: varied values without a random generator."""
    n = 1
    for s in shape:
        n *= s
    return ((torch.arange(n, dtype=dtype) * 0.37 + phase).sin() * scale).reshape(shape)


def backprop(out, y, inputs, params):
    """Backpropagates the weighted sum of y and records the gradients that exist."""
    (y * wave(y.shape, phase=1.0)).sum().backward()
    for i, x in enumerate(inputs):
        if x.grad is not None:
            out[f"grad.input{i}"] = x.grad
    for name, p in params:
        if p.grad is not None:
            out[f"grad.{name}"] = p.grad


def run(module, *inputs, grad=True):
    """Records a module's parameters, output, gradients and buffers for the given inputs."""
    out = {f"param.{n}": p.detach().clone() for n, p in module.named_parameters()}
    xs = [x.clone().requires_grad_(grad and x.is_floating_point()) for x in inputs]
    y = module(*xs)
    out["output"] = y
    if grad:
        backprop(out, y, xs, list(module.named_parameters()))
    for n, b in module.named_buffers():
        out[f"buffer.{n}"] = b
    return out


def run_functional(f, *inputs):
    """Records a function's output and the gradients of its floating inputs."""
    xs = [x.clone().requires_grad_(x.is_floating_point()) for x in inputs]
    y = f(*xs)
    out = {"output": y}
    backprop(out, y, xs, [])
    return out


reprs = {}


def seeded(name, make, *inputs, grad=True):
    torch.manual_seed(0)
    module = make()
    reprs[name] = repr(module)
    return run(module, *inputs, grad=grad)


cases = {}

# --- Convolutions -------------------------------------------------------------------------------------------------
x1d = wave((2, 3, 10))
x2d = wave((2, 2, 7, 6))
x4c = wave((2, 4, 9, 8))
cases["conv1d_default"] = lambda: seeded("conv1d_default", lambda: nn.Conv1d(3, 4, 3), x1d)
cases["conv1d_stride_padding_dilation"] = lambda: seeded(
    "conv1d_stride_padding_dilation", lambda: nn.Conv1d(3, 2, 2, stride=2, padding=1, dilation=2, bias=False), x1d)
cases["conv1d_same_reflect"] = lambda: seeded(
    "conv1d_same_reflect", lambda: nn.Conv1d(3, 2, 4, padding="same", padding_mode="reflect"), x1d)
cases["conv2d_stride_padding"] = lambda: seeded(
    "conv2d_stride_padding", lambda: nn.Conv2d(2, 4, 3, stride=2, padding=1), x2d)
cases["conv2d_tuple_groups_dilation"] = lambda: seeded(
    "conv2d_tuple_groups_dilation",
    lambda: nn.Conv2d(4, 6, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(2, 1), groups=2, bias=False), x4c)
cases["conv2d_same_even_kernel"] = lambda: seeded(
    "conv2d_same_even_kernel", lambda: nn.Conv2d(2, 3, (4, 3), padding="same", dilation=(1, 2)), x2d)
cases["conv2d_valid"] = lambda: seeded("conv2d_valid", lambda: nn.Conv2d(2, 3, 3, padding="valid"), x2d)
cases["conv2d_reflect"] = lambda: seeded(
    "conv2d_reflect", lambda: nn.Conv2d(2, 3, 3, padding=2, padding_mode="reflect"), x2d)
cases["conv2d_replicate"] = lambda: seeded(
    "conv2d_replicate", lambda: nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode="replicate"), x2d)
cases["conv2d_circular"] = lambda: seeded(
    "conv2d_circular", lambda: nn.Conv2d(2, 3, 3, stride=2, padding=1, padding_mode="circular"), x2d)
cases["conv2d_unbatched"] = lambda: seeded("conv2d_unbatched", lambda: nn.Conv2d(2, 3, 2), wave((2, 5, 4)))
cases["conv_transpose2d_output_padding"] = lambda: seeded(
    "conv_transpose2d_output_padding", lambda: nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1), x2d)
cases["conv_transpose2d_groups_dilation"] = lambda: seeded(
    "conv_transpose2d_groups_dilation",
    lambda: nn.ConvTranspose2d(4, 2, (2, 3), stride=(1, 2), padding=(0, 1), groups=2, dilation=(2, 1), bias=False), x4c)


def conv_transpose_output_size():
    torch.manual_seed(0)
    layer = nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1)
    x = x2d.clone().requires_grad_()
    y = layer(x, output_size=[14, 12])
    out = {"output": y}
    backprop(out, y, [x], list(layer.named_parameters()))
    return out


cases["conv_transpose2d_output_size"] = conv_transpose_output_size

# --- Pooling ------------------------------------------------------------------------------------------------------
xp = wave((2, 3, 9, 8))
cases["max_pool2d_default"] = lambda: seeded("max_pool2d_default", lambda: nn.MaxPool2d(2), xp)
cases["max_pool2d_padding_ceil"] = lambda: seeded(
    "max_pool2d_padding_ceil", lambda: nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), xp)
cases["max_pool2d_dilation_tuple"] = lambda: seeded(
    "max_pool2d_dilation_tuple", lambda: nn.MaxPool2d((2, 3), stride=(2, 1), dilation=(2, 1)), xp)
cases["max_pool2d_indices"] = lambda: {
    "output": F.max_pool2d(xp, 3, stride=2, padding=1, return_indices=True)[0],
    "indices": F.max_pool2d(xp, 3, stride=2, padding=1, return_indices=True)[1]}
cases["avg_pool2d_default"] = lambda: seeded("avg_pool2d_default", lambda: nn.AvgPool2d(2), xp)
cases["avg_pool2d_exclude_pad_ceil"] = lambda: seeded(
    "avg_pool2d_exclude_pad_ceil", lambda: nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), xp)
cases["avg_pool2d_divisor"] = lambda: seeded(
    "avg_pool2d_divisor", lambda: nn.AvgPool2d((3, 2), stride=1, padding=(1, 0), divisor_override=2), xp)
cases["adaptive_avg_pool2d_tuple"] = lambda: seeded(
    "adaptive_avg_pool2d_tuple", lambda: nn.AdaptiveAvgPool2d((4, 3)), wave((2, 3, 7, 5)))
cases["adaptive_avg_pool2d_int"] = lambda: seeded("adaptive_avg_pool2d_int", lambda: nn.AdaptiveAvgPool2d(1), xp)

# --- Normalisation ------------------------------------------------------------------------------------------------


def set_affine(layer):
    """A non-trivial affine transform (γ, β), so the normalisation layers' affine path is exercised."""
    if layer.weight is not None:
        with torch.no_grad():
            layer.weight.copy_(wave(layer.weight.shape, phase=0.5) + 1.5)
            layer.bias.copy_(wave(layer.bias.shape, phase=2.0))


def batch_norm_steps(name, make, x_train, x_train2, x_eval):
    """Two training steps (outputs, input gradients, buffers after each) then an eval pass."""
    torch.manual_seed(0)
    layer = make()
    reprs[name] = repr(layer)
    set_affine(layer)
    out = {}
    for step, x in enumerate([x_train, x_train2]):
        xs = x.clone().requires_grad_()
        y = layer(xs)
        out[f"train{step}.output"] = y
        (y * wave(y.shape, phase=1.0)).sum().backward()
        out[f"train{step}.grad.input0"] = xs.grad
        for n, b in layer.named_buffers():
            out[f"train{step}.buffer.{n}"] = b.clone()
    if layer.affine:
        out["grad.weight"] = layer.weight.grad
        out["grad.bias"] = layer.bias.grad
    layer.eval()
    xs = x_eval.clone().requires_grad_()
    y = layer(xs)
    out["eval.output"] = y
    (y * wave(y.shape, phase=1.0)).sum().backward()
    out["eval.grad.input0"] = xs.grad
    return out


cases["batch_norm1d_2d_input"] = lambda: batch_norm_steps(
    "batch_norm1d_2d_input", lambda: nn.BatchNorm1d(3), wave((5, 3)) * 2 + 1, wave((5, 3), phase=0.3) - 1, wave((4, 3), phase=0.7))
cases["batch_norm1d_3d_input_cumulative"] = lambda: batch_norm_steps(
    "batch_norm1d_3d_input_cumulative", lambda: nn.BatchNorm1d(3, momentum=None, eps=1e-3),
    wave((2, 3, 4)) * 3, wave((2, 3, 4), phase=0.3) + 0.5, wave((1, 3, 5), phase=0.7))
cases["batch_norm2d_default"] = lambda: batch_norm_steps(
    "batch_norm2d_default", lambda: nn.BatchNorm2d(2), wave((3, 2, 4, 5)) * 2, wave((3, 2, 4, 5), phase=1.3) + 1, wave((2, 2, 3, 3), phase=0.2))
cases["batch_norm2d_no_affine_momentum"] = lambda: batch_norm_steps(
    "batch_norm2d_no_affine_momentum", lambda: nn.BatchNorm2d(2, momentum=0.5, affine=False),
    wave((3, 2, 4, 5)), wave((3, 2, 4, 5), phase=1.3) * 0.5, wave((2, 2, 3, 3), phase=0.2))
cases["batch_norm2d_untracked"] = lambda: batch_norm_steps(
    "batch_norm2d_untracked", lambda: nn.BatchNorm2d(2, track_running_stats=False),
    wave((3, 2, 4, 5)), wave((3, 2, 4, 5), phase=1.3) * 0.5, wave((2, 2, 3, 3), phase=0.2))


def layer_norm_case(name, make, x):
    torch.manual_seed(0)
    layer = make()
    reprs[name] = repr(layer)
    set_affine(layer)
    return run(layer, x)


cases["layer_norm_last_dim"] = lambda: layer_norm_case("layer_norm_last_dim", lambda: nn.LayerNorm(5), wave((2, 3, 5)) * 3)
cases["layer_norm_two_dims"] = lambda: layer_norm_case(
    "layer_norm_two_dims", lambda: nn.LayerNorm((3, 5), eps=1e-3), wave((2, 3, 5)) * 3 + 1)
cases["layer_norm_no_affine"] = lambda: layer_norm_case(
    "layer_norm_no_affine", lambda: nn.LayerNorm([4], elementwise_affine=False), wave((3, 4)))

# --- Embeddings ---------------------------------------------------------------------------------------------------
idx = torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])
cases["embedding_padding_idx"] = lambda: seeded("embedding_padding_idx", lambda: nn.Embedding(10, 3, padding_idx=2), idx)
cases["embedding_negative_padding_idx"] = lambda: seeded(
    "embedding_negative_padding_idx", lambda: nn.Embedding(10, 3, padding_idx=-1), idx)


def embedding_max_norm():
    torch.manual_seed(0)
    layer = nn.Embedding(10, 4, max_norm=1.0)
    reprs["embedding_max_norm"] = repr(layer)
    out = {"param.weight": layer.weight.detach().clone()}
    out["output"] = layer(idx)
    out["weight_after"] = layer.weight
    return out


cases["embedding_max_norm"] = embedding_max_norm


def embedding_from_pretrained():
    table = wave((5, 3))
    layer = nn.Embedding.from_pretrained(table, freeze=False, padding_idx=0)
    return run(layer, torch.tensor([0, 3, 4, 0]))


cases["embedding_from_pretrained"] = embedding_from_pretrained

bag_input = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9, 0])
bag_offsets = torch.tensor([0, 2, 2, 6])
cases["embedding_bag_mean_offsets"] = lambda: seeded(
    "embedding_bag_mean_offsets", lambda: nn.EmbeddingBag(10, 3), bag_input, bag_offsets)
cases["embedding_bag_sum_weights"] = lambda: seeded(
    "embedding_bag_sum_weights", lambda: nn.EmbeddingBag(10, 3, mode="sum"), bag_input, bag_offsets, wave((9,), phase=0.4))
cases["embedding_bag_max_2d"] = lambda: seeded("embedding_bag_max_2d", lambda: nn.EmbeddingBag(10, 3, mode="max"), idx)
cases["embedding_bag_last_offset_padding"] = lambda: seeded(
    "embedding_bag_last_offset_padding",
    lambda: nn.EmbeddingBag(10, 3, mode="sum", include_last_offset=True, padding_idx=4), bag_input, torch.tensor([0, 2, 6, 9]))

# --- Upsampling ---------------------------------------------------------------------------------------------------
xu = wave((1, 2, 3, 4))
cases["upsample_nearest_scale"] = lambda: seeded("upsample_nearest_scale", lambda: nn.Upsample(scale_factor=2), xu)
cases["upsample_nearest_size"] = lambda: seeded("upsample_nearest_size", lambda: nn.Upsample(size=(5, 7)), xu)
cases["upsample_bilinear"] = lambda: seeded(
    "upsample_bilinear", lambda: nn.Upsample(scale_factor=1.5, mode="bilinear"), xu)
cases["upsample_bilinear_align_corners"] = lambda: seeded(
    "upsample_bilinear_align_corners", lambda: nn.Upsample(size=(5, 6), mode="bilinear", align_corners=True), xu)
cases["interpolate_bicubic_tuple_scale"] = lambda: run_functional(
    lambda x: F.interpolate(x, scale_factor=(2, 0.5), mode="bicubic", align_corners=False), xu)
cases["interpolate_nearest_exact"] = lambda: run_functional(
    lambda x: F.interpolate(x, size=(4, 6), mode="nearest-exact"), xu)
cases["interpolate_area"] = lambda: run_functional(
    lambda x: F.interpolate(x, scale_factor=0.5, mode="area"), wave((1, 2, 6, 5)))
cases["interpolate_linear_1d"] = lambda: run_functional(
    lambda x: F.interpolate(x, scale_factor=1.7, mode="linear", recompute_scale_factor=True), wave((2, 2, 5)))
cases["interpolate_trilinear"] = lambda: run_functional(
    lambda x: F.interpolate(x, size=(3, 4, 2), mode="trilinear", align_corners=True), wave((1, 1, 2, 3, 2)))
cases["interpolate_bilinear_antialias"] = lambda: run_functional(
    lambda x: F.interpolate(x, size=(3, 2), mode="bilinear", antialias=True), wave((1, 2, 7, 6)))

# --- Bilinear, distances -----------------------------------------------------------------------------------------
cases["bilinear_default"] = lambda: seeded(
    "bilinear_default", lambda: nn.Bilinear(3, 4, 2), wave((5, 3)), wave((5, 4), phase=0.5))
cases["bilinear_no_bias"] = lambda: seeded(
    "bilinear_no_bias", lambda: nn.Bilinear(2, 3, 4, bias=False), wave((2, 3, 2)), wave((2, 3, 3), phase=0.5))
cases["pairwise_distance"] = lambda: run_functional(
    lambda a, b: F.pairwise_distance(a, b), wave((4, 5)), wave((4, 5), phase=1.1))
cases["pairwise_distance_p1_keepdim"] = lambda: run_functional(
    lambda a, b: F.pairwise_distance(a, b, p=1.0, eps=1e-3, keepdim=True), wave((4, 5)), wave((1, 5), phase=1.1))
cases["cosine_similarity"] = lambda: run_functional(
    lambda a, b: F.cosine_similarity(a, b), wave((4, 5)), wave((4, 5), phase=1.1))
cases["cosine_similarity_dim0"] = lambda: run_functional(
    lambda a, b: F.cosine_similarity(a, b, dim=0, eps=0.5), wave((3, 2)), wave((3, 2), phase=2.0) * 0.1)
cases["normalize"] = lambda: run_functional(lambda x: F.normalize(x), wave((3, 4)))
cases["normalize_p1_dim0"] = lambda: run_functional(lambda x: F.normalize(x, p=1.0, dim=0), wave((3, 4)))
cases["pdist"] = lambda: run_functional(lambda x: F.pdist(x), wave((4, 3)))

# --- Padding, grids -----------------------------------------------------------------------------------------------
xpad = wave((1, 2, 3, 4))
cases["pad_constant_negative"] = lambda: run_functional(lambda x: F.pad(x, (2, -1, 1, 0), value=1.5), xpad)
cases["pad_reflect"] = lambda: run_functional(lambda x: F.pad(x, (2, 3, 1, 2), mode="reflect"), xpad)
cases["pad_replicate"] = lambda: run_functional(lambda x: F.pad(x, (1, 0, 2, 3), mode="replicate"), xpad)
cases["pad_circular"] = lambda: run_functional(lambda x: F.pad(x, (1, 2, 2, 1), mode="circular"), xpad)
cases["pad_reflect_1d"] = lambda: run_functional(lambda x: F.pad(x, (3, 1), mode="reflect"), wave((2, 2, 5)))

theta = torch.tensor([[[0.8, -0.3, 0.1], [0.4, 0.9, -0.2]], [[1.2, 0.0, 0.3], [0.1, 0.7, 0.05]]])
cases["affine_grid"] = lambda: run_functional(lambda t: F.affine_grid(t, [2, 3, 4, 5], align_corners=False), theta)
cases["affine_grid_align_corners"] = lambda: run_functional(
    lambda t: F.affine_grid(t, [2, 3, 4, 5], align_corners=True), theta)
xg = wave((2, 3, 5, 6))
grid = wave((2, 4, 3, 2), phase=0.2, scale=1.3)  # some locations fall outside [-1, 1]
for mode in ["bilinear", "nearest", "bicubic"]:
    for padding in ["zeros", "border", "reflection"]:
        for align in [False, True]:
            cases[f"grid_sample_{mode}_{padding}_{'align' if align else 'noalign'}"] = (
                lambda mode=mode, padding=padding, align=align: run_functional(
                    lambda x, g: F.grid_sample(x, g, mode=mode, padding_mode=padding, align_corners=align), xg, grid))

# --- Seeded initialisation only -------------------------------------------------------------------------------------


def init_only(name, make):
    torch.manual_seed(0)
    module = make()
    reprs[name] = repr(module)
    return {f"param.{n}": p for n, p in module.named_parameters()}


cases["init_conv2d_groups"] = lambda: init_only("init_conv2d_groups", lambda: nn.Conv2d(6, 4, (3, 5), groups=2))
cases["init_conv_transpose2d"] = lambda: init_only("init_conv_transpose2d", lambda: nn.ConvTranspose2d(4, 6, 3, groups=2))
cases["init_embedding_bag_padding"] = lambda: init_only(
    "init_embedding_bag_padding", lambda: nn.EmbeddingBag(6, 2, mode="max", padding_idx=-2))


def encode(t):
    t = t.detach()
    if t.dtype == torch.bool:
        values = [bool(v) for v in t.flatten().tolist()]
    elif t.is_floating_point():
        values = [float(v) if v == v and abs(v) != float("inf") else str(v) for v in t.flatten().tolist()]
    else:
        values = [int(v) for v in t.flatten().tolist()]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "values": values}


results = {name: {k: encode(v) for k, v in make().items()} for name, make in cases.items()}
print(json.dumps({"torch_version": torch.__version__, "cases": results, "reprs": reprs}, indent=None))

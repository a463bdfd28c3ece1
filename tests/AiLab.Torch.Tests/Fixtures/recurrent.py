"""Expected values for AiLab.Torch's recurrent and attention modules (RNN, LSTM, GRU, MultiheadAttention,
TransformerEncoderLayer, TransformerEncoder), computed by PyTorch (Debian python3-torch 1.13) on the same libtorch.
Regenerate with: /usr/bin/python3 recurrent.py > recurrent.json

Each case draws everything from one seed in a fixed order, which the C# tests repeat call for call:
manual_seed(seed); build the module; randn the inputs (then the initial states); run forward; backward of
the case's loss. Recorded: the inputs, parameters after construction, outputs, and gradients of parameters and inputs,
each as {shape, dtype, values}."""
import json

import torch
import torch.nn as nn


def encode(t):
    t = t.detach()
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
            # 9 significant digits identify a float32 exactly.
            "values": [float(f"{v:.9g}") for v in t.reshape(-1).double().tolist()]}


def record(module, outputs, inputs):
    """outputs: name -> tensor; inputs: name -> leaf tensor that requires grad."""
    return {
        "inputs": {n: encode(t) for n, t in inputs.items()},
        "params": {n: encode(p) for n, p in module.named_parameters()},
        "outputs": {n: encode(t) for n, t in outputs.items()},
        "grads": {**{"param." + n: encode(p.grad) for n, p in module.named_parameters()},
                  **{"input." + n: encode(t.grad) for n, t in inputs.items()}},
    }


def leaf(*shape):
    return torch.randn(*shape).requires_grad_()


# ---- recurrent layers: loss = Σ sin(output) + Σ cos(h_n) (+ Σ tanh(c_n)) ----

def recurrent_case(seed, make, input_shape, state_shapes=(), train=False):
    torch.manual_seed(seed)
    module = make()
    module.train(train)
    x = leaf(*input_shape)
    states = [leaf(*s) for s in state_shapes]
    is_lstm = isinstance(module, nn.LSTM)
    if not states:
        hx = None
    elif is_lstm:
        hx = (states[0], states[1])
    else:
        hx = states[0]
    output, hidden = module(x, hx)
    outputs = {"output": output}
    if is_lstm:
        outputs["h_n"], outputs["c_n"] = hidden
        loss = output.sin().sum() + hidden[0].cos().sum() + hidden[1].tanh().sum()
    else:
        outputs["h_n"] = hidden
        loss = output.sin().sum() + hidden.cos().sum()
    loss.backward()
    inputs = {"x": x, **{f"h{k}": s for k, s in enumerate(states)}}
    return record(module, outputs, inputs)


recurrent = {
    "lstm_basic": lambda: recurrent_case(1, lambda: nn.LSTM(3, 4), (5, 2, 3)),
    "lstm_bidirectional_2layer_batch_first": lambda: recurrent_case(
        2, lambda: nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True), (2, 5, 3), [(4, 2, 4), (4, 2, 4)]),
    "lstm_proj_2layer": lambda: recurrent_case(3, lambda: nn.LSTM(3, 5, num_layers=2, proj_size=2), (4, 3, 3)),
    "lstm_no_bias_unbatched": lambda: recurrent_case(4, lambda: nn.LSTM(3, 4, bias=False), (5, 3), [(1, 4), (1, 4)]),
    "lstm_dropout_training": lambda: recurrent_case(5, lambda: nn.LSTM(3, 4, num_layers=3, dropout=0.5), (5, 2, 3), train=True),
    "gru_bidirectional_2layer": lambda: recurrent_case(6, lambda: nn.GRU(3, 4, num_layers=2, bidirectional=True), (5, 2, 3), [(4, 2, 4)]),
    "gru_batch_first": lambda: recurrent_case(7, lambda: nn.GRU(3, 4, batch_first=True), (2, 5, 3)),
    "rnn_tanh_bidirectional_2layer": lambda: recurrent_case(8, lambda: nn.RNN(3, 4, num_layers=2, bidirectional=True), (5, 2, 3)),
    "rnn_relu_batch_first": lambda: recurrent_case(9, lambda: nn.RNN(3, 4, nonlinearity="relu", batch_first=True), (2, 5, 3), [(1, 2, 4)]),
}


# ---- multi-head attention: loss = Σ sin(attn_output) ----

def padding_mask(n, s):
    """Batch row b ignores its last b keys."""
    mask = torch.zeros(n, s, dtype=torch.bool)
    for b in range(n):
        if b:
            mask[b, s - b:] = True
    return mask


def mha_case(seed, make, query_shape, key_shape=None, value_shape=None, train=False, **forward_args):
    torch.manual_seed(seed)
    module = make()
    module.train(train)
    query = leaf(*query_shape)
    inputs = {"query": query}
    if key_shape is None:
        key = value = query
    else:
        key = leaf(*key_shape)
        inputs["key"] = key
        if value_shape is None:
            value = key
        else:
            value = leaf(*value_shape)
            inputs["value"] = value
    output, weights = module(query, key, value, **forward_args)
    output.sin().sum().backward()
    outputs = {"attn_output": output}
    if weights is not None:
        outputs["attn_output_weights"] = weights
    return record(module, outputs, inputs)


causal = nn.Transformer.generate_square_subsequent_mask
mha = {
    "mha_self_padding_and_causal": lambda: mha_case(
        11, lambda: nn.MultiheadAttention(8, 2), (5, 2, 8), key_padding_mask=padding_mask(2, 5), attn_mask=causal(5)),
    "mha_batch_first_bool_causal_per_head": lambda: mha_case(
        12, lambda: nn.MultiheadAttention(8, 2, batch_first=True), (3, 4, 8),
        attn_mask=torch.ones(4, 4, dtype=torch.bool).triu(1), average_attn_weights=False),
    "mha_cross_kdim_vdim": lambda: mha_case(
        13, lambda: nn.MultiheadAttention(8, 4, kdim=6, vdim=3), (4, 2, 8), (6, 2, 6), (6, 2, 3),
        key_padding_mask=padding_mask(2, 6)),
    "mha_bias_kv_zero_attn": lambda: mha_case(
        14, lambda: nn.MultiheadAttention(8, 2, add_bias_kv=True, add_zero_attn=True), (4, 2, 8), (5, 2, 8),
        key_padding_mask=padding_mask(2, 5)),
    "mha_unbatched_no_bias": lambda: mha_case(15, lambda: nn.MultiheadAttention(8, 2, bias=False), (5, 8)),
    "mha_dropout_training": lambda: mha_case(16, lambda: nn.MultiheadAttention(8, 2, dropout=0.3), (5, 2, 8), train=True),
}


# ---- transformer encoder: loss = Σ sin(output) ----

def encoder_case(seed, make, src_shape, train=False, **forward_args):
    torch.manual_seed(seed)
    module = make()
    module.train(train)
    src = leaf(*src_shape)
    output = module(src, **forward_args)
    output.sin().sum().backward()
    return record(module, {"output": output}, {"src": src})


encoder = {
    "encoder_layer_post_norm": lambda: encoder_case(
        21, lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16), (5, 2, 8),
        src_mask=causal(5), src_key_padding_mask=padding_mask(2, 5)),
    "encoder_layer_pre_norm_gelu_batch_first": lambda: encoder_case(
        22, lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, activation="gelu", batch_first=True, norm_first=True),
        (2, 5, 8), src_key_padding_mask=padding_mask(2, 5)),
    "encoder_layer_dropout_training": lambda: encoder_case(
        23, lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.2), (5, 2, 8), train=True),
    "encoder_two_layers_final_norm": lambda: encoder_case(
        24, lambda: nn.TransformerEncoder(
            nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, batch_first=True, norm_first=True), 2, norm=nn.LayerNorm(8)),
        (2, 5, 8), mask=causal(5)),
}

cases = {name: make() for name, make in {**recurrent, **mha, **encoder}.items()}
print(json.dumps(cases, indent=None, separators=(",", ":")))

namespace AiLab.Torch.Tests.nn.recurrent;

/// <summary>
/// A step-by-step RNN/LSTM/GRU built from matmul, sigmoid and tanh with the gate equations of PyTorch's docs, one time
/// step and one direction at a time — the oracle the fused libtorch operators are checked against.
/// </summary>
internal static class RecurrentReference
{
    internal sealed record Cell(Tensor w_ih, Tensor w_hh, Tensor? b_ih, Tensor? b_hh, Tensor? w_hr);

    /// <summary>The weights of layer k and a direction, found by PyTorch's parameter names.</summary>
    internal static Cell CellOf(torch.nn.Module module, int layer, int direction)
    {
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var suffix = $"_l{layer}{(direction == 1 ? "_reverse" : "")}";
        return new Cell(parameters["weight_ih" + suffix], parameters["weight_hh" + suffix],
            parameters.GetValueOrDefault("bias_ih" + suffix), parameters.GetValueOrDefault("bias_hh" + suffix),
            parameters.GetValueOrDefault("weight_hr" + suffix));
    }

    /// <summary>
    /// Runs <paramref name="x"/> (L, N, H_in — sequence first) through the stacked cells of <paramref name="module"/>;
    /// h0/c0 are (layers·directions, N, ·). Returns the last layer's outputs (L, N, D·H_out) and the final states.
    /// </summary>
    internal static (Tensor output, Tensor h_n, Tensor? c_n) Run(string mode, torch.nn.Module module,
        long num_layers, bool bidirectional, Tensor x, Tensor h0, Tensor? c0)
    {
        var directions = bidirectional ? 2 : 1;
        var steps = x.size(0);
        var layerInput = x.unbind(0);
        var finalH = new List<Tensor>();
        var finalC = new List<Tensor>();
        for (var layer = 0; layer < num_layers; layer++)
        {
            var perDirection = new Tensor[directions][];
            for (var direction = 0; direction < directions; direction++)
            {
                var w = CellOf(module, layer, direction);
                var h = h0[layer * directions + direction];
                var c = c0?[layer * directions + direction];
                var outputs = new Tensor[steps];
                for (var s = 0; s < steps; s++)
                {
                    var t = direction == 0 ? s : steps - 1 - s;
                    (h, c) = Step(mode, w, layerInput[t], h, c);
                    outputs[t] = h;
                }
                perDirection[direction] = outputs;
                finalH.Add(h);
                if (c is not null) finalC.Add(c);
            }
            layerInput = Enumerable.Range(0, (int)steps).Select(t => cat(perDirection.Select(d => d[t]).ToArray(), -1)).ToArray();
        }
        return (stack(layerInput), stack(finalH), c0 is null ? null : stack(finalC));
    }

    private static (Tensor h, Tensor? c) Step(string mode, Cell w, Tensor x, Tensor h, Tensor? c)
    {
        var gi = x.matmul(w.w_ih.t());
        if (w.b_ih is not null) gi = gi + w.b_ih;
        var gh = h.matmul(w.w_hh.t());
        if (w.b_hh is not null) gh = gh + w.b_hh;
        switch (mode)
        {
            case "RNN_TANH":
                return ((gi + gh).tanh(), null);
            case "RNN_RELU":
                return ((gi + gh).relu(), null);
            case "GRU":
            {
                // r, z, n in that order; n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)).
                var i = gi.chunk(3, 1);
                var hh = gh.chunk(3, 1);
                var r = (i[0] + hh[0]).sigmoid();
                var z = (i[1] + hh[1]).sigmoid();
                var n = (i[2] + r * hh[2]).tanh();
                return ((1 - z) * n + z * h, null);
            }
            case "LSTM":
            {
                // i, f, g, o in that order; c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'), then h' = W_hr h' when projecting.
                var g = (gi + gh).chunk(4, 1);
                var cNext = g[1].sigmoid() * c! + g[0].sigmoid() * g[2].tanh();
                var hNext = g[3].sigmoid() * cNext.tanh();
                if (w.w_hr is not null) hNext = hNext.matmul(w.w_hr.t());
                return (hNext, cNext);
            }
            default:
                throw new ArgumentException($"unknown mode {mode}", nameof(mode));
        }
    }
}

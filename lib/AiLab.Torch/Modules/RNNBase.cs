using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules;

/// <summary>
/// What <see cref="RNN"/>, <see cref="LSTM"/> and <see cref="GRU"/> share (PyTorch's <c>nn.RNNBase</c>): a stack of
/// <see cref="num_layers"/> recurrent layers, optionally bidirectional, whose weights are registered in PyTorch's
/// order and names — <c>weight_ih_l{k}</c>, <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c>
/// (and <c>weight_hr_l{k}</c> for a projected LSTM), with a <c>_reverse</c> suffix for the backward direction —
/// and initialised like PyTorch: every parameter, in that order, from U(−1/√hidden_size, 1/√hidden_size).
/// The forward pass is libtorch's fused operator (<c>aten::lstm</c>, <c>aten::gru</c>, <c>aten::rnn_tanh</c>,
/// <c>aten::rnn_relu</c>) over the flat weight list, exactly what PyTorch calls.
/// </summary>
/// <typeparam name="THidden">The initial state argument (a tensor, or a tensor pair for LSTM).</typeparam>
/// <typeparam name="TResult">The output and final state.</typeparam>
public abstract class RNNBase<THidden, TResult> : nn.Module<Tensor, THidden, TResult>
{
    private readonly Tensor[] _flatWeights;
    private readonly IReadOnlyList<IReadOnlyList<nn.Parameter>> _allWeights;

    private protected RNNBase(string name, string mode, long input_size, long hidden_size, long num_layers, bool bias,
        bool batch_first, double dropout, bool bidirectional, long proj_size, Device? device, ScalarType? dtype) : base(name)
    {
        if (input_size <= 0) throw new ArgumentOutOfRangeException(nameof(input_size), input_size, "input_size must be positive");
        if (hidden_size <= 0) throw new ArgumentOutOfRangeException(nameof(hidden_size), hidden_size, "hidden_size must be positive");
        if (num_layers <= 0) throw new ArgumentOutOfRangeException(nameof(num_layers), num_layers, "num_layers must be positive");
        if (dropout is < 0 or > 1 || double.IsNaN(dropout))
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
        if (proj_size < 0) throw new ArgumentOutOfRangeException(nameof(proj_size), proj_size, "proj_size should be a positive integer or zero to disable projections");
        if (proj_size >= hidden_size) throw new ArgumentOutOfRangeException(nameof(proj_size), proj_size, $"proj_size has to be smaller than hidden_size ({hidden_size})");

        this.mode = mode;
        this.input_size = input_size;
        this.hidden_size = hidden_size;
        this.num_layers = num_layers;
        this.bias = bias;
        this.batch_first = batch_first;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        this.proj_size = proj_size;

        var gateSize = mode switch
        {
            "LSTM" => 4 * hidden_size,
            "GRU" => 3 * hidden_size,
            "RNN_TANH" or "RNN_RELU" => hidden_size,
            _ => throw new ArgumentException($"unrecognized RNN mode '{mode}'", nameof(mode)),
        };
        var realHiddenSize = proj_size > 0 ? proj_size : hidden_size;
        var flat = new List<(string name, nn.Parameter parameter)>();
        var all = new List<IReadOnlyList<nn.Parameter>>();
        for (var layer = 0L; layer < num_layers; layer++)
        {
            for (var direction = 0; direction < num_directions; direction++)
            {
                var layerInputSize = layer == 0 ? input_size : realHiddenSize * num_directions;
                var suffix = direction == 1 ? "_reverse" : "";
                var group = new List<(string name, nn.Parameter parameter)>
                {
                    ($"weight_ih_l{layer}{suffix}", NewParameter([gateSize, layerInputSize], device, dtype)),
                    ($"weight_hh_l{layer}{suffix}", NewParameter([gateSize, realHiddenSize], device, dtype)),
                };
                if (bias)
                {
                    group.Add(($"bias_ih_l{layer}{suffix}", NewParameter([gateSize], device, dtype)));
                    group.Add(($"bias_hh_l{layer}{suffix}", NewParameter([gateSize], device, dtype)));
                }
                if (proj_size > 0) group.Add(($"weight_hr_l{layer}{suffix}", NewParameter([proj_size, hidden_size], device, dtype)));
                flat.AddRange(group);
                all.Add(group.Select(g => g.parameter).ToArray());
            }
        }
        foreach (var (parameterName, parameter) in flat) register_parameter(parameterName, parameter);
        _flatWeights = flat.Select(f => (Tensor)f.parameter).ToArray();
        _allWeights = all;
        reset_parameters();
    }

    private static nn.Parameter NewParameter(long[] shape, Device? device, ScalarType? dtype) => new(empty(shape, dtype, device));

    /// <summary>The cell type: <c>LSTM</c>, <c>GRU</c>, <c>RNN_TANH</c> or <c>RNN_RELU</c>.</summary>
    public string mode { get; }
    /// <summary>Features per input step.</summary>
    public long input_size { get; }
    /// <summary>Features of the hidden state.</summary>
    public long hidden_size { get; }
    /// <summary>Stacked recurrent layers; each one's output sequence is the next one's input.</summary>
    public long num_layers { get; }
    /// <summary>Whether the layers have the biases b_ih and b_hh.</summary>
    public bool bias { get; }
    /// <summary>True when input and output are (batch, seq, feature) instead of (seq, batch, feature).</summary>
    public bool batch_first { get; }
    /// <summary>Dropout probability on the outputs of every layer but the last, while training.</summary>
    public double dropout { get; }
    /// <summary>True when each layer also runs over the reversed sequence and concatenates both directions.</summary>
    public bool bidirectional { get; }
    /// <summary>LSTM only: size of the projected hidden state h (0 = no projection).</summary>
    public long proj_size { get; }
    /// <summary>2 when bidirectional, else 1.</summary>
    public long num_directions => bidirectional ? 2 : 1;

    /// <summary>The parameters grouped per layer and direction: [[weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0], …].</summary>
    public IReadOnlyList<IReadOnlyList<nn.Parameter>> all_weights => _allWeights;

    /// <summary>The fused operator's weight list (the parameters themselves, in registration order).</summary>
    private protected Tensor[] flat_weights => _flatWeights;

    /// <summary>Re-draws every parameter from U(−1/√hidden_size, 1/√hidden_size), in registration order (as PyTorch).</summary>
    public void reset_parameters()
    {
        var stdv = 1.0 / Math.Sqrt(hidden_size);
        foreach (var weight in parameters()) nn.init.uniform_(weight, -stdv, stdv);
    }

    /// <summary>PyTorch compacts the weights for cuDNN here; libtorch's CPU kernels need nothing, so this does nothing.</summary>
    public void flatten_parameters() { }

    /// <summary>Runs the module with a zero initial state (Python's <c>rnn(x)</c>).</summary>
    public TResult call(Tensor input) => forward(input, default!);

    /// <summary>
    /// Checks the input and gives it a batch dimension: 3-D input is used as is, 2-D (unbatched) input gets a batch
    /// of one at the batch position. Returns a new handle either way (the caller's scope disposes it).
    /// </summary>
    private protected Tensor BatchedInput(Tensor input, out bool batched)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dims = input.dim();
        if (dims is not (2 or 3))
            throw new ArgumentException($"{GetName}: input must have 3 dimensions (2 when unbatched), got shape [{string.Join(", ", input.shape)}]", nameof(input));
        if (input.size(-1) != input_size)
            throw new ArgumentException($"{GetName}: input.size(-1) must be equal to input_size. Expected {input_size}, got {input.size(-1)}", nameof(input));
        batched = dims == 3;
        return batched ? input.alias() : input.unsqueeze(batch_first ? 0 : 1);
    }

    /// <summary>
    /// The initial state for <paramref name="input"/> (already batched): zeros of shape
    /// (num_layers·num_directions, batch, <paramref name="size"/>) when <paramref name="state"/> is null, else the
    /// given state after a shape check (an unbatched state gets its batch dimension).
    /// </summary>
    private protected Tensor InitialState(Tensor? state, Tensor input, bool batched, long size, string argument)
    {
        long[] expected = [num_layers * num_directions, input.size(batch_first ? 0 : 1), size];
        if (state is null) return zeros(expected, input.dtype, input.device);
        var dims = batched ? 3 : 2;
        if (state.dim() != dims)
            throw new ArgumentException($"{GetName}: for {(batched ? "batched 3-D" : "unbatched 2-D")} input, {argument} should be {dims}-D but got shape [{string.Join(", ", state.shape)}]", argument);
        var batchedState = batched ? state.alias() : state.unsqueeze(1);
        if (!batchedState.shape.SequenceEqual(expected))
            throw new ArgumentException($"{GetName}: expected {argument} size [{string.Join(", ", expected)}], got [{string.Join(", ", batchedState.shape)}]", argument);
        return batchedState;
    }

    /// <summary>Removes the batch dimension added by <see cref="BatchedInput"/> from an output (dim = batch position) and
    /// hands the result to the caller's dispose scope.</summary>
    private protected static Tensor Finish(Tensor result, bool batched, long batchDim) =>
        (batched ? result : result.squeeze(batchDim)).MoveToOuterDisposeScope();

    /// <summary>The forward pass of the single-state cells (RNN, GRU): <paramref name="op"/> is their fused operator.</summary>
    private protected (Tensor output, Tensor h_n) ForwardSingleState(Op op, Tensor input, Tensor? hx)
    {
        using var scope = NewDisposeScope();
        var x = BatchedInput(input, out var batched);
        var h0 = InitialState(hx, x, batched, hidden_size, nameof(hx));
        var r = op.CallTensors(x, h0, flat_weights, bias, num_layers, dropout, training, bidirectional, batch_first);
        return (Finish(r[0], batched, BatchDim), Finish(r[1], batched, 1));
    }

    /// <summary>Position of the batch dimension in input and output.</summary>
    private protected long BatchDim => batch_first ? 0 : 1;

    /// <inheritdoc/>
    protected override string extra_repr()
    {
        var s = $"{PyRepr.Int(input_size)}, {PyRepr.Int(hidden_size)}";
        if (proj_size != 0) s += $", proj_size={PyRepr.Int(proj_size)}";
        if (num_layers != 1) s += $", num_layers={PyRepr.Int(num_layers)}";
        if (!bias) s += ", bias=False";
        if (batch_first) s += ", batch_first=True";
        if (dropout != 0) s += $", dropout={PyRepr.Float(dropout)}";
        if (bidirectional) s += ", bidirectional=True";
        return s;
    }
}

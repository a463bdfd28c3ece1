using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.nn.recurrent;

[Collection(TorchCollection.Name)]
public sealed class RecurrentLayerTests
{
    /// <summary>The cases of Fixtures/recurrent.py: seed, module, input shape, initial-state shapes, training mode.</summary>
    private static readonly Dictionary<string, (int seed, Func<torch.nn.Module> make, long[] input, long[][] states, bool train)> Cases = new()
    {
        ["lstm_basic"] = (1, () => torch.nn.LSTM(3, 4), [5, 2, 3], [], false),
        ["lstm_bidirectional_2layer_batch_first"] = (2, () => torch.nn.LSTM(3, 4, num_layers: 2, bidirectional: true, batch_first: true), [2, 5, 3], [[4, 2, 4], [4, 2, 4]], false),
        ["lstm_proj_2layer"] = (3, () => torch.nn.LSTM(3, 5, num_layers: 2, proj_size: 2), [4, 3, 3], [], false),
        ["lstm_no_bias_unbatched"] = (4, () => torch.nn.LSTM(3, 4, bias: false), [5, 3], [[1, 4], [1, 4]], false),
        ["lstm_dropout_training"] = (5, () => torch.nn.LSTM(3, 4, num_layers: 3, dropout: 0.5), [5, 2, 3], [], true),
        ["gru_bidirectional_2layer"] = (6, () => torch.nn.GRU(3, 4, num_layers: 2, bidirectional: true), [5, 2, 3], [[4, 2, 4]], false),
        ["gru_batch_first"] = (7, () => torch.nn.GRU(3, 4, batch_first: true), [2, 5, 3], [], false),
        ["rnn_tanh_bidirectional_2layer"] = (8, () => torch.nn.RNN(3, 4, num_layers: 2, bidirectional: true), [5, 2, 3], [], false),
        ["rnn_relu_batch_first"] = (9, () => torch.nn.RNN(3, 4, nonlinearity: "relu", batch_first: true), [2, 5, 3], [[1, 2, 4]], false),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Forward_SameSeed_MatchesPyTorchWeightsOutputsAndGradients(string name)
    {
        using var scope = NewDisposeScope();
        var (seed, make, inputShape, stateShapes, train) = Cases[name];
        var fixture = new RecurrentFixture(name);
        manual_seed(seed);
        using var module = make();
        module.train(train);
        fixture.AssertParameters(module);
        var x = fixture.RandnInput("x", inputShape);
        var states = stateShapes.Select((shape, k) => fixture.RandnInput($"h{k}", shape)).ToArray();

        var outputs = new Dictionary<string, Tensor>();
        Tensor loss;
        if (module is LSTM lstm)
        {
            var (output, (h_n, c_n)) = lstm.forward(x, states.Length == 0 ? null : (states[0], states[1]));
            outputs["output"] = output;
            outputs["h_n"] = h_n;
            outputs["c_n"] = c_n;
            loss = output.sin().sum() + h_n.cos().sum() + c_n.tanh().sum();
        }
        else
        {
            var (output, h_n) = module switch
            {
                GRU gru => gru.forward(x, states.FirstOrDefault()),
                RNN rnn => rnn.forward(x, states.FirstOrDefault()),
                _ => throw new InvalidOperationException(name),
            };
            outputs["output"] = output;
            outputs["h_n"] = h_n;
            loss = output.sin().sum() + h_n.cos().sum();
        }
        fixture.AssertOutputs(outputs);
        loss.backward();
        var inputs = new Dictionary<string, Tensor> { ["x"] = x };
        for (var k = 0; k < states.Length; k++) inputs[$"h{k}"] = states[k];
        fixture.AssertGradients(module, inputs);
    }

    public static TheoryData<string, int, bool, bool> ReferenceCases => new()
    {
        { "LSTM", 1, false, false },
        { "LSTM", 2, true, false },
        { "LSTM", 2, true, true },
        { "LSTM", 3, false, true },
        { "GRU", 1, false, true },
        { "GRU", 2, true, false },
        { "RNN_TANH", 2, true, true },
        { "RNN_RELU", 2, false, false },
    };

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void Forward_EqualsStepByStepGateEquations(string mode, int num_layers, bool bidirectional, bool batch_first)
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        const long inputSize = 3, hiddenSize = 5, steps = 6, batch = 4;
        var directions = bidirectional ? 2 : 1;
        // float64 so the comparison is tight: the fused operator and the reference differ only by rounding order.
        torch.nn.Module module = mode switch
        {
            "LSTM" => torch.nn.LSTM(inputSize, hiddenSize, num_layers, batch_first: batch_first, bidirectional: bidirectional, dtype: float64),
            "GRU" => torch.nn.GRU(inputSize, hiddenSize, num_layers, batch_first: batch_first, bidirectional: bidirectional, dtype: float64),
            _ => torch.nn.RNN(inputSize, hiddenSize, num_layers, mode == "RNN_TANH" ? "tanh" : "relu", batch_first: batch_first, bidirectional: bidirectional, dtype: float64),
        };
        var xSeqFirst = randn([steps, batch, inputSize], dtype: float64);
        var x = batch_first ? xSeqFirst.transpose(0, 1) : xSeqFirst;
        var h0 = randn([num_layers * directions, batch, hiddenSize], dtype: float64);
        var c0 = randn([num_layers * directions, batch, hiddenSize], dtype: float64);

        Tensor output, h_n;
        Tensor? c_n = null;
        switch (module)
        {
            case LSTM lstm: (output, (h_n, c_n)) = lstm.forward(x, (h0, c0)); break;
            case GRU gru: (output, h_n) = gru.forward(x, h0); break;
            case RNN rnn: (output, h_n) = rnn.forward(x, h0); break;
            default: throw new InvalidOperationException(mode);
        }
        var expected = RecurrentReference.Run(mode, module, num_layers, bidirectional, xSeqFirst, h0, mode == "LSTM" ? c0 : null);

        Assert.Equal(batch_first ? [batch, steps, directions * hiddenSize] : new[] { steps, batch, directions * hiddenSize }, output.shape);
        var outputSeqFirst = batch_first ? output.transpose(0, 1) : output;
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.output), TorchAssert.ToDoubles(outputSeqFirst), "output", rtol: 1e-10, atol: 1e-12);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.h_n), TorchAssert.ToDoubles(h_n), "h_n", rtol: 1e-10, atol: 1e-12);
        if (c_n is not null) TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.c_n!), TorchAssert.ToDoubles(c_n), "c_n", rtol: 1e-10, atol: 1e-12);
        module.Dispose();
    }

    [Fact]
    public void Forward_ProjectedLstm_EqualsStepByStepGateEquations()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var lstm = torch.nn.LSTM(4, 6, num_layers: 2, bidirectional: true, proj_size: 3, dtype: float64);
        var x = randn([5, 2, 4], dtype: float64);
        var h0 = randn([4, 2, 3], dtype: float64);
        var c0 = randn([4, 2, 6], dtype: float64);
        var (output, (h_n, c_n)) = lstm.forward(x, (h0, c0));
        var expected = RecurrentReference.Run("LSTM", lstm, 2, true, x, h0, c0);
        Assert.Equal([5L, 2, 6], output.shape);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.output), TorchAssert.ToDoubles(output), "output", rtol: 1e-10, atol: 1e-12);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.h_n), TorchAssert.ToDoubles(h_n), "h_n", rtol: 1e-10, atol: 1e-12);
        TorchAssert.AssertClose(TorchAssert.ToDoubles(expected.c_n!), TorchAssert.ToDoubles(c_n), "c_n", rtol: 1e-10, atol: 1e-12);
    }

    [Fact]
    public void NamedParameters_MatchPyTorchNamesShapesAndCount()
    {
        using var lstm = torch.nn.LSTM(10, 20, num_layers: 2, bidirectional: true);
        string[] expected = [
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
            "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
            "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
            "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"];
        Assert.Equal(expected, lstm.named_parameters().Select(p => p.name));
        // sum(p.numel() for p in nn.LSTM(10, 20, num_layers=2, bidirectional=True).parameters()) in PyTorch.
        Assert.Equal(15040, lstm.num_parameters());
        Assert.Equal([80L, 40], lstm.all_weights[2][0].shape);
        Assert.Equal(4, lstm.all_weights.Count);

        using var rnn = torch.nn.RNN(3, 4, bias: false);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0"], rnn.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void DefaultInit_IsUniformWithinOneOverSqrtHidden()
    {
        using var gru = torch.nn.GRU(30, 100);
        var bound = 1 / Math.Sqrt(100);
        foreach (var (name, p) in gru.named_parameters())
        {
            var values = TorchAssert.ToDoubles(p);
            Assert.All(values, v => Assert.InRange(v, -bound, bound));
            Assert.True(values.Max() - values.Min() > 1.8 * bound, $"{name} does not spread over (−{bound}, {bound})");
        }
    }

    [Fact]
    public void ToString_PrintsLikePyTorch()
    {
        using var lstm = torch.nn.LSTM(10, 20, num_layers: 2, bidirectional: true);
        Assert.StartsWith("LSTM(10, 20, num_layers=2, bidirectional=True)\n", lstm.ToString());
        using var rnn = torch.nn.RNN(3, 4, num_layers: 2, nonlinearity: "relu", bias: false, dropout: 0.25);
        Assert.StartsWith("RNN(3, 4, num_layers=2, bias=False, dropout=0.25)\n", rnn.ToString());
        using var gru = torch.nn.GRU(3, 4, batch_first: true);
        Assert.StartsWith("GRU(3, 4, batch_first=True)\n", gru.ToString());
    }

    [Fact]
    public void Forward_UnbatchedInput_EqualsBatchOfOne()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var gru = torch.nn.GRU(3, 4, num_layers: 2, batch_first: true);
        var x = randn(6, 3);
        var h0 = randn(2, 4);
        var (output, h_n) = gru.forward(x, h0);
        var (batchedOutput, batchedH) = gru.forward(x.unsqueeze(0), h0.unsqueeze(1));
        Assert.Equal([6L, 4], output.shape);
        Assert.Equal([2L, 4], h_n.shape);
        Assert.True(output.allclose(batchedOutput.squeeze(0)));
        Assert.True(h_n.allclose(batchedH.squeeze(1)));
    }

    [Fact]
    public void Forward_DefaultStateIsZeros_AndCallUsesIt()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var lstm = torch.nn.LSTM(3, 4);
        var x = randn(5, 2, 3);
        var (a, (ha, ca)) = lstm.call(x);
        var (b, (hb, cb)) = lstm.forward(x, (zeros(1, 2, 4), zeros(1, 2, 4)));
        Assert.True(a.equal(b));
        Assert.True(ha.equal(hb));
        Assert.True(ca.equal(cb));
        // The last output step is the final hidden state of a one-layer, one-direction LSTM.
        Assert.True(a[4].equal(ha[0]));
    }

    [Fact]
    public void Dropout_OnlyWhileTraining()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var lstm = torch.nn.LSTM(3, 8, num_layers: 2, dropout: 0.5);
        var x = randn(5, 2, 3);
        lstm.eval();
        Assert.True(lstm.call(x).output.equal(lstm.call(x).output));
        lstm.train();
        Assert.False(lstm.call(x).output.equal(lstm.call(x).output));
    }

    [Fact]
    public void Forward_BadShapes_ThrowWithTheArgumentName()
    {
        using var scope = NewDisposeScope();
        using var lstm = torch.nn.LSTM(3, 4, num_layers: 2);
        var wrongFeatures = Assert.Throws<ArgumentException>(() => lstm.call(randn(5, 2, 7)));
        Assert.Contains("input_size. Expected 3, got 7", wrongFeatures.Message);
        Assert.Equal("input", wrongFeatures.ParamName);
        Assert.Throws<ArgumentException>(() => lstm.call(randn(5, 2, 3, 1)));
        var wrongState = Assert.Throws<ArgumentException>(() => lstm.forward(randn(5, 2, 3), (zeros(1, 2, 4), zeros(2, 2, 4))));
        Assert.Contains("expected hx.h_0 size [2, 2, 4], got [1, 2, 4]", wrongState.Message);
        using var gru = torch.nn.GRU(3, 4);
        Assert.Equal("hx", Assert.Throws<ArgumentException>(() => gru.forward(randn(5, 2, 3), zeros(1, 3, 4))).ParamName);
        Assert.Equal("hx", Assert.Throws<ArgumentException>(() => gru.forward(randn(5, 3), zeros(1, 1, 4))).ParamName);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Equal("nonlinearity", Assert.Throws<ArgumentException>(() => torch.nn.RNN(3, 4, nonlinearity: "sigmoid")).ParamName);
        Assert.Equal("proj_size", Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.LSTM(3, 4, proj_size: 4)).ParamName);
        Assert.Equal("dropout", Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.GRU(3, 4, dropout: 1.5)).ParamName);
        Assert.Equal("hidden_size", Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.GRU(3, 0)).ParamName);
        Assert.Equal("num_layers", Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.LSTM(3, 4, num_layers: 0)).ParamName);
    }

    [Fact]
    public void Forward_LeavesNoTensorsBehind()
    {
        manual_seed(8);
        using var lstm = torch.nn.LSTM(3, 4, num_layers: 2, bidirectional: true, batch_first: true);
        using var x = randn(2, 5, 3);
        var before = Tensor.LiveCount;
        var (output, (h_n, c_n)) = lstm.call(x);
        Assert.Equal(before + 3, Tensor.LiveCount);
        output.Dispose();
        h_n.Dispose();
        c_n.Dispose();
        Assert.Equal(before, Tensor.LiveCount);
    }

    [Fact]
    public void Training_LstmLearnsToRememberTheFirstInput()
    {
        // The target is the first step's value, read after the last step: only a working recurrence (and its
        // gradient through time) can learn it. The same run in PyTorch goes from 1.456 to 0.0053.
        manual_seed(9);
        using var lstm = torch.nn.LSTM(1, 8, batch_first: true);
        using var head = torch.nn.Linear(8, 1);
        var optimizer = torch.optim.SGD(lstm.parameters().Concat(head.parameters()), lr: 0.3, momentum: 0.9);
        using var x = randn(32, 5, 1);
        using var y = x[.., 0];
        double first = 0, last = 0;
        for (var step = 0; step < 100; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (output, _) = lstm.call(x);
            var loss = (head.forward(output[.., -1]) - y).pow(2).mean();
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.Equal(1.4560867547988892, first, 5);
        Assert.True(last < first * 0.05, $"loss {first} → {last}");
    }
}

using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.nn.recurrent;

[Collection(TorchCollection.Name)]
public sealed class MultiheadAttentionTests
{
    private sealed record Case(int seed, Func<MultiheadAttention> make, long[] query, long[]? key = null, long[]? value = null,
        bool train = false, Func<Tensor?>? key_padding_mask = null, Func<Tensor?>? attn_mask = null, bool average_attn_weights = true);

    /// <summary>The cases of Fixtures/recurrent.py.</summary>
    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["mha_self_padding_and_causal"] = new(11, () => torch.nn.MultiheadAttention(8, 2), [5, 2, 8],
            key_padding_mask: () => RecurrentFixture.PaddingMask(2, 5), attn_mask: () => torch.nn.Transformer.generate_square_subsequent_mask(5)),
        ["mha_batch_first_bool_causal_per_head"] = new(12, () => torch.nn.MultiheadAttention(8, 2, batch_first: true), [3, 4, 8],
            attn_mask: () => ones([4, 4], dtype: @bool).triu(1), average_attn_weights: false),
        ["mha_cross_kdim_vdim"] = new(13, () => torch.nn.MultiheadAttention(8, 4, kdim: 6, vdim: 3), [4, 2, 8], [6, 2, 6], [6, 2, 3],
            key_padding_mask: () => RecurrentFixture.PaddingMask(2, 6)),
        ["mha_bias_kv_zero_attn"] = new(14, () => torch.nn.MultiheadAttention(8, 2, add_bias_kv: true, add_zero_attn: true), [4, 2, 8], [5, 2, 8],
            key_padding_mask: () => RecurrentFixture.PaddingMask(2, 5)),
        ["mha_unbatched_no_bias"] = new(15, () => torch.nn.MultiheadAttention(8, 2, bias: false), [5, 8]),
        ["mha_dropout_training"] = new(16, () => torch.nn.MultiheadAttention(8, 2, dropout: 0.3), [5, 2, 8], train: true),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Forward_SameSeed_MatchesPyTorchWeightsOutputsAndGradients(string name)
    {
        using var scope = NewDisposeScope();
        var c = Cases[name];
        var fixture = new RecurrentFixture(name);
        manual_seed(c.seed);
        using var mha = c.make();
        mha.train(c.train);
        fixture.AssertParameters(mha);
        var query = fixture.RandnInput("query", c.query);
        var inputs = new Dictionary<string, Tensor> { ["query"] = query };
        Tensor key = query, value = query;
        if (c.key is not null)
        {
            key = value = inputs["key"] = fixture.RandnInput("key", c.key);
            if (c.value is not null) value = inputs["value"] = fixture.RandnInput("value", c.value);
        }
        var (output, weights) = mha.forward(query, key, value, c.key_padding_mask?.Invoke(), attn_mask: c.attn_mask?.Invoke(),
            average_attn_weights: c.average_attn_weights);
        fixture.AssertOutputs(new Dictionary<string, Tensor> { ["attn_output"] = output, ["attn_output_weights"] = weights! });
        output.sin().sum().backward();
        fixture.AssertGradients(mha, inputs);
    }

    [Fact]
    public void AttentionWeights_RowsSumToOne_AndIgnorePaddedKeys()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var mha = torch.nn.MultiheadAttention(8, 4, batch_first: true);
        var x = randn(3, 6, 8);
        var padding = RecurrentFixture.PaddingMask(3, 6);
        var (_, perHead) = mha.forward(x, x, x, padding, average_attn_weights: false);
        Assert.Equal([3L, 4, 6, 6], perHead!.shape);
        TorchAssert.AssertClose(Enumerable.Repeat(1.0, 3 * 4 * 6).ToArray(), TorchAssert.ToDoubles(perHead.sum(-1)), "row sums", rtol: 1e-6, atol: 1e-6);
        // Row b of the batch pads its last b keys: they get exactly zero weight from every query and head.
        Assert.Equal(0f, perHead[2, .., .., 4..].abs().sum().item<float>());
        Assert.Equal(0f, perHead[1, .., .., 5..].abs().sum().item<float>());
        var (_, averaged) = mha.forward(x, x, x, padding);
        Assert.True(averaged!.allclose(perHead.mean(1), atol: 1e-6));
    }

    [Fact]
    public void CausalMask_OutputAtTDoesNotDependOnLaterInputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var mha = torch.nn.MultiheadAttention(8, 2);
        var x = randn(7, 2, 8);
        var mask = torch.nn.Transformer.generate_square_subsequent_mask(7);
        var (before, _) = mha.forward(x, x, x, attn_mask: mask);
        const int t = 3;
        var changed = x.clone();
        changed[(t + 1).., .., ..] = randn(7 - t - 1, 2, 8);
        var (after, weights) = mha.forward(changed, changed, changed, attn_mask: mask);
        Assert.True(before[..(t + 1)].equal(after[..(t + 1)]), "outputs up to t changed when only later inputs changed");
        Assert.False(before[(t + 1)..].allclose(after[(t + 1)..]));
        Assert.Equal(0f, weights!.triu(1).abs().sum().item<float>());
    }

    [Fact]
    public void OneHeadWithIdentityProjections_IsScaledDotProductAttention()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var mha = torch.nn.MultiheadAttention(4, 1, bias: false, batch_first: true);
        using (no_grad())
        {
            mha.in_proj_weight!.copy_(cat([eye(4), eye(4), eye(4)]));
            mha.out_proj.weight.copy_(eye(4));
        }
        var (q, k, v) = (randn(2, 3, 4), randn(2, 5, 4), randn(2, 5, 4));
        var (output, weights) = mha.forward(q, k, v);
        var expectedWeights = (q.matmul(k.transpose(1, 2)) / 2).softmax(-1);
        Assert.True(weights!.allclose(expectedWeights, atol: 1e-6));
        Assert.True(output.allclose(expectedWeights.matmul(v), atol: 1e-6));
        Assert.True(output.allclose(torch.nn.functional.scaled_dot_product_attention(q, k, v), atol: 1e-6));
    }

    [Fact]
    public void ScaledDotProductAttention_MasksFollowPyTorch2Conventions()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (q, k, v) = (randn(2, 3, 5, 4), randn(2, 3, 5, 4), randn(2, 3, 5, 6));
        var F = (Func<Tensor?, bool, double?, Tensor>)((mask, causal, scale) => torch.nn.functional.scaled_dot_product_attention(q, k, v, mask, is_causal: causal, scale: scale));
        var explicitCausal = (q.matmul(k.transpose(-2, -1)) / 2 + torch.nn.Transformer.generate_square_subsequent_mask(5)).softmax(-1).matmul(v);
        Assert.Equal([2L, 3, 5, 6], explicitCausal.shape);
        Assert.True(F(null, true, null).allclose(explicitCausal, atol: 1e-6));
        // A bool mask is true where attention is allowed; the float mask is added.
        var allowed = ones([5, 5], dtype: @bool).tril();
        Assert.True(F(allowed, false, null).allclose(explicitCausal, atol: 1e-6));
        Assert.True(F(torch.nn.Transformer.generate_square_subsequent_mask(5), false, null).allclose(explicitCausal, atol: 1e-6));
        var scaled = q.matmul(k.transpose(-2, -1)).mul(0.1).softmax(-1).matmul(v);
        Assert.True(F(null, false, 0.1).allclose(scaled, atol: 1e-6));
        Assert.Equal("attn_mask", Assert.Throws<ArgumentException>(() => F(allowed, true, null)).ParamName);
    }

    [Fact]
    public void GenerateSquareSubsequentMask_IsZeroOnAndBelowTheDiagonal()
    {
        using var mask = torch.nn.Transformer.generate_square_subsequent_mask(3);
        var inf = double.NegativeInfinity;
        Assert.Equal(float32, mask.dtype);
        Assert.Equal([0, inf, inf, 0, 0, inf, 0, 0, 0], TorchAssert.ToDoubles(mask));
    }

    [Fact]
    public void Parameters_FollowPyTorchNamesAndInit()
    {
        manual_seed(5);
        using var mha = torch.nn.MultiheadAttention(8, 2, add_bias_kv: true);
        Assert.Equal(["in_proj_weight", "in_proj_bias", "bias_k", "bias_v", "out_proj.weight", "out_proj.bias"], mha.named_parameters().Select(p => p.name));
        Assert.Equal(8 * 24 + 24 + 8 + 8 + 64 + 8, mha.num_parameters());
        Assert.Equal(0f, mha.in_proj_bias!.abs().sum().item<float>());
        Assert.Equal(0f, mha.out_proj.bias!.abs().sum().item<float>());
        var xavierBound = Math.Sqrt(6.0 / (24 + 8));
        Assert.True(mha.in_proj_weight!.abs().max().item<float>() <= xavierBound);
        Assert.Equal("MultiheadAttention(\n  (out_proj): Linear(in_features=8, out_features=8, bias=True)\n)", mha.ToString().Split("\nparameters")[0]);
    }

    [Fact]
    public void Forward_BadArguments_ThrowWithTheArgumentName()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("num_heads", Assert.Throws<ArgumentException>(() => torch.nn.MultiheadAttention(8, 3)).ParamName);
        using var mha = torch.nn.MultiheadAttention(8, 2);
        var x = randn(5, 2, 8);
        Assert.Equal("query", Assert.Throws<ArgumentException>(() => mha.forward(randn(5, 2, 6), x, x)).ParamName);
        Assert.Equal("attn_mask", Assert.Throws<ArgumentException>(() => mha.forward(x, x, x, attn_mask: zeros(4, 5))).ParamName);
        Assert.Equal("key_padding_mask", Assert.Throws<ArgumentException>(() => mha.forward(x, x, x, zeros([2, 4], dtype: @bool))).ParamName);
        Assert.Equal("key_padding_mask", Assert.Throws<ArgumentException>(() => mha.forward(x, x, x, zeros([2, 5], dtype: int64))).ParamName);
        Assert.Equal("query", Assert.Throws<ArgumentException>(() => mha.forward(randn(2, 5, 2, 8), x, x)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => mha.forward(x, randn(5, 8), randn(5, 8))).ParamName);
    }

    [Fact]
    public void Forward_NeedWeightsFalse_ReturnsNullWeights_AndLeavesNoTensorsBehind()
    {
        manual_seed(6);
        using var mha = torch.nn.MultiheadAttention(8, 2, batch_first: true);
        using var x = randn(2, 5, 8);
        using var padding = RecurrentFixture.PaddingMask(2, 5);
        var before = Tensor.LiveCount;
        var (output, weights) = mha.forward(x, x, x, padding, need_weights: false);
        Assert.Null(weights);
        Assert.Equal([2L, 5, 8], output.shape);
        Assert.Equal(before + 1, Tensor.LiveCount);
        output.Dispose();
        Assert.Equal(before, Tensor.LiveCount);
    }
}

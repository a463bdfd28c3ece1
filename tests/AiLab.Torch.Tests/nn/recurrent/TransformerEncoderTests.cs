using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.nn.recurrent;

[Collection(TorchCollection.Name)]
public sealed class TransformerEncoderTests
{
    private static Tensor Causal(long size) => torch.nn.Transformer.generate_square_subsequent_mask(size);

    [Fact]
    public void EncoderLayer_PostNorm_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var fixture = new RecurrentFixture("encoder_layer_post_norm");
        manual_seed(21);
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16);
        layer.eval();
        fixture.AssertParameters(layer);
        var src = fixture.RandnInput("src", 5, 2, 8);
        var output = layer.forward(src, Causal(5), RecurrentFixture.PaddingMask(2, 5));
        AssertOutputAndGradients(fixture, layer, src, output);
    }

    [Fact]
    public void EncoderLayer_PreNormGeluBatchFirst_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var fixture = new RecurrentFixture("encoder_layer_pre_norm_gelu_batch_first");
        manual_seed(22);
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16, activation: "gelu", batch_first: true, norm_first: true);
        layer.eval();
        fixture.AssertParameters(layer);
        var src = fixture.RandnInput("src", 2, 5, 8);
        var output = layer.forward(src, src_key_padding_mask: RecurrentFixture.PaddingMask(2, 5));
        AssertOutputAndGradients(fixture, layer, src, output);
    }

    [Fact]
    public void EncoderLayer_Training_DrawsPyTorchsDropoutMasks()
    {
        using var scope = NewDisposeScope();
        var fixture = new RecurrentFixture("encoder_layer_dropout_training");
        manual_seed(23);
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16, dropout: 0.2);
        fixture.AssertParameters(layer);
        var src = fixture.RandnInput("src", 5, 2, 8);
        AssertOutputAndGradients(fixture, layer, src, layer.forward(src));
    }

    [Fact]
    public void Encoder_TwoPreNormLayersAndFinalNorm_MatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var fixture = new RecurrentFixture("encoder_two_layers_final_norm");
        manual_seed(24);
                using var encoder = torch.nn.TransformerEncoder(
            torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16, batch_first: true, norm_first: true), 2, torch.nn.LayerNorm(8));
        encoder.eval();
        fixture.AssertParameters(encoder);
        // Building the second layer drew random numbers (PyTorch deep-copies instead), so the input comes from the fixture.
        var src = fixture.RecordedInput("src");
        AssertOutputAndGradients(fixture, encoder, src, encoder.forward(src, Causal(5)));
    }

    private static void AssertOutputAndGradients(RecurrentFixture fixture, torch.nn.Module module, Tensor src, Tensor output)
    {
        fixture.AssertOutputs(new Dictionary<string, Tensor> { ["output"] = output });
        output.sin().sum().backward();
        fixture.AssertGradients(module, new Dictionary<string, Tensor> { ["src"] = src });
    }

    [Fact]
    public void EncoderLayer_NamesModulesAndPrintsLikePyTorch()
    {
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16);
        Assert.Equal(["", "self_attn", "self_attn.out_proj", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"],
            layer.named_modules().Select(m => m.name));
        // sum(p.numel() for p in nn.TransformerEncoderLayer(8, 2, 16).parameters()) in PyTorch.
        Assert.Equal(600, layer.num_parameters());
        Assert.Equal("""
            TransformerEncoderLayer(
              (self_attn): MultiheadAttention(
                (out_proj): Linear(in_features=8, out_features=8, bias=True)
              )
              (linear1): Linear(in_features=8, out_features=16, bias=True)
              (dropout): Dropout(p=0.1)
              (linear2): Linear(in_features=16, out_features=8, bias=True)
              (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True)
              (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True)
              (dropout1): Dropout(p=0.1)
              (dropout2): Dropout(p=0.1)
            )
            """, layer.ToString().Split("\nparameters")[0]);
    }

    [Fact]
    public void Encoder_LayersStartEqualButAreIndependent()
    {
        using var scope = NewDisposeScope();
        manual_seed(25);
        var template = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16);
        using var encoder = torch.nn.TransformerEncoder(template, 3);
        Assert.Same(template, encoder.layers[0]);
        Assert.Equal(3, encoder.layers.Count);
        Assert.Equal(3 * 600, encoder.num_parameters());
        Assert.Equal("layers.2.norm2.bias", encoder.named_parameters().Last().name);
        var first = encoder.layers[0].named_parameters().ToList();
        foreach (var other in encoder.layers.Skip(1))
            foreach (var ((name, a), (_, b)) in first.Zip(other.named_parameters()))
            {
                Assert.True(a.equal(b), $"{name} differs between layers");
                Assert.NotSame(a, b);
            }
        using (no_grad()) encoder.layers[1].linear1.weight.add_(1);
        Assert.False(encoder.layers[0].linear1.weight.equal(encoder.layers[1].linear1.weight));
    }

    [Fact]
    public void Encoder_WithCausalMask_OutputAtTDoesNotDependOnLaterInputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(26);
        using var encoder = torch.nn.TransformerEncoder(torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 32, batch_first: true), 2);
        encoder.eval();
        var x = randn(2, 6, 8);
        var before = encoder.forward(x, Causal(6));
        const int t = 2;
        var changed = x.clone();
        changed[.., (t + 1).., ..] = randn(2, 6 - t - 1, 8);
        var after = encoder.forward(changed, Causal(6));
        Assert.True(before[.., ..(t + 1)].allclose(after[.., ..(t + 1)], atol: 1e-6));
        Assert.False(before[.., (t + 1)..].allclose(after[.., (t + 1)..], atol: 1e-3));
    }

    [Fact]
    public void EncoderLayer_DropoutOnlyWhileTraining()
    {
        using var scope = NewDisposeScope();
        manual_seed(27);
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16, dropout: 0.5);
        var x = randn(4, 2, 8);
        Assert.False(layer.forward(x).equal(layer.forward(x)));
        layer.eval();
        Assert.True(layer.forward(x).equal(layer.forward(x)));
        Assert.True(layer.forward(x[.., 0]).allclose(layer.forward(x)[.., 0], atol: 1e-6), "unbatched input equals a batch of one");
    }

    [Fact]
    public void Constructors_BadArguments_Throw()
    {
        Assert.Equal("activation", Assert.Throws<ArgumentException>(() => torch.nn.TransformerEncoderLayer(8, 2, activation: "tanh")).ParamName);
        Assert.Equal("num_heads", Assert.Throws<ArgumentException>(() => torch.nn.TransformerEncoderLayer(8, 3)).ParamName);
        using var layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward: 16);
        Assert.Equal("num_layers", Assert.Throws<ArgumentOutOfRangeException>(() => torch.nn.TransformerEncoder(layer, 0)).ParamName);
    }
}

using AiLab.Torch.Modules;

namespace AiLab.Torch.Tests.serialization;

/// <summary>module.save / module.load through the state dict.</summary>
[Collection(TorchCollection.Name)]
public sealed class ModuleSerializationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ailab-module-save-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Sequential Mlp(long seed)
    {
        manual_seed(seed);
        return torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3));
    }

    [Fact]
    public void SaveLoad_StateDict_ReproducesOutputsBitForBit()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(_folder, "mlp.safetensors");
        using var trained = Mlp(1);
        using var fresh = Mlp(2);
        var x = randn(5, 8);
        Assert.False(trained.forward(x).equal(fresh.forward(x)));

        trained.save(path, new Dictionary<string, string> { ["epochs"] = "3" });
        fresh.load(path);

        Assert.True(trained.forward(x).equal(fresh.forward(x)));
        Assert.Equal(["0.bias", "0.weight", "2.bias", "2.weight"], load(path).Keys); // same dtype: ordered by name
        Assert.Equal("3", Serialization.SafeTensors.ReadHeader(path).Metadata["epochs"]);
    }

    [Fact]
    public void Load_KeysDoNotMatch_StrictThrowsNamingFile_NonStrictLoadsTheRest()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(_folder, "linear.safetensors");
        using var source = torch.nn.Linear(4, 2);
        source.save(path);
        using var noBias = torch.nn.Linear(4, 2, bias: false);

        var ex = Assert.Throws<InvalidDataException>(() => noBias.load(path));
        Assert.StartsWith(path, ex.Message);
        Assert.Contains("unexpected keys [bias]", ex.Message);

        noBias.load(path, strict: false);
        Assert.True(noBias.weight.equal(source.weight));
    }

    [Fact]
    public void Load_ShapeMismatch_ThrowsNamingTheTensor()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(_folder, "linear.safetensors");
        using var source = torch.nn.Linear(4, 2);
        source.save(path);
        using var wider = torch.nn.Linear(4, 3);
        var ex = Assert.Throws<InvalidDataException>(() => wider.load(path));
        Assert.Contains("size mismatch for weight", ex.Message);
    }

    [Fact]
    public void SaveLoad_ManyTimes_DoesNotLeakTensors()
    {
        var path = Path.Combine(_folder, "mlp.safetensors");
        using var model = Mlp(3);
        model.save(path);
        var before = data.LiveTensors.Settled();
        for (var k = 0; k < 20; k++) model.save(path).load(path);
        Assert.Equal(before, Tensor.LiveCount);
    }
}

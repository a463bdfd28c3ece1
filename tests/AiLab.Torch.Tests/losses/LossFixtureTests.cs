using System.Text.Json;
using F = AiLab.Torch.torch.nn.functional;

namespace AiLab.Torch.Tests.losses;

/// <summary>
/// Every loss and option combination against PyTorch on the same libtorch (Fixtures/losses.py): the loss
/// value and the gradient of the input for the same upstream gradient.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LossFixtureTests
{
    private static readonly JsonElement Cases = FixtureTensors.LossCases;

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases.EnumerateObject()) names.Add(c.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Functional_MatchesPyTorchValueAndInputGradient(string name)
    {
        var c = Cases.GetProperty(name);
        using var scope = NewDisposeScope();
        var input = FixtureTensors.From(c.GetProperty("input")).requires_grad_();
        var tensors = c.GetProperty("tensors");
        var kwargs = c.GetProperty("kwargs");
        var loss = Call(c.GetProperty("fn").GetString()!, input, tensors, kwargs);

        TorchAssert.Matches(c.GetProperty("output"), loss, $"{name} value");
        loss.backward(FixtureTensors.From(c.GetProperty("grad_output")));
        TorchAssert.Matches(c.GetProperty("grad"), input.grad!, $"{name} input gradient");
    }

    [Fact]
    public void Fixtures_CoverEveryLossFunction()
    {
        var functions = Cases.EnumerateObject().Select(c => c.Value.GetProperty("fn").GetString()).ToHashSet();
        Assert.Equal(9, functions.Count);
    }

    internal static Tensor Call(string fn, Tensor input, JsonElement tensors, JsonElement kwargs)
    {
        var target = FixtureTensors.From(tensors.GetProperty("target"));
        var weight = Optional(tensors, "weight");
        var reduction = kwargs.TryGetProperty("reduction", out var r) ? r.GetString()! : "mean";
        return fn switch
        {
            "cross_entropy" => F.cross_entropy(input, target, weight, IgnoreIndex(kwargs), reduction, Double(kwargs, "label_smoothing", 0)),
            "nll_loss" => F.nll_loss(input, target, weight, IgnoreIndex(kwargs), reduction),
            "binary_cross_entropy" => F.binary_cross_entropy(input, target, weight, reduction),
            "binary_cross_entropy_with_logits" => F.binary_cross_entropy_with_logits(input, target, weight, reduction, Optional(tensors, "pos_weight")),
            "mse_loss" => F.mse_loss(input, target, reduction),
            "l1_loss" => F.l1_loss(input, target, reduction),
            "smooth_l1_loss" => F.smooth_l1_loss(input, target, reduction, Double(kwargs, "beta", 1)),
            "huber_loss" => F.huber_loss(input, target, reduction, Double(kwargs, "delta", 1)),
            "kl_div" => F.kl_div(input, target, reduction, kwargs.TryGetProperty("log_target", out var l) && l.GetBoolean()),
            _ => throw new InvalidDataException($"unknown loss {fn}"),
        };
    }

    private static Tensor? Optional(JsonElement tensors, string name) =>
        tensors.TryGetProperty(name, out var t) ? FixtureTensors.From(t) : null;

    private static long IgnoreIndex(JsonElement kwargs) => kwargs.TryGetProperty("ignore_index", out var i) ? i.GetInt64() : -100;

    private static double Double(JsonElement kwargs, string name, double fallback) =>
        kwargs.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;
}

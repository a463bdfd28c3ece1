using System.Text.Json;

namespace AiLab.Torch.Tests.nn.recurrent;

/// <summary>
/// Reads Fixtures/recurrent.json (written by Fixtures/recurrent.py with PyTorch on the same libtorch) and compares a
/// case with the C# module: the inputs drawn from the seed, the parameters after construction (names, order, values),
/// the outputs, and the gradients of parameters and inputs after backward.
/// </summary>
internal sealed class RecurrentFixture(string name)
{
    private const double GradientTolerance = 1e-5;
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "recurrent.json"))).RootElement;

    private readonly JsonElement _case = Root.GetProperty(name);

    /// <summary>recurrent.py's padding_mask: batch row b ignores its last b keys.</summary>
    internal static Tensor PaddingMask(long n, long s)
    {
        var mask = zeros([n, s], dtype: @bool);
        for (var b = 1; b < n; b++) mask[b, (int)(s - b)..] = tensor(true);
        return mask;
    }

    /// <summary>Draws a standard normal leaf tensor that requires grad (Python's <c>torch.randn(*shape).requires_grad_()</c>)
    /// and checks it equals the input PyTorch drew at the same point of the random stream.</summary>
    internal Tensor RandnInput(string input, params long[] shape)
    {
        var t = randn(shape).requires_grad_();
        TorchAssert.Matches(_case.GetProperty("inputs").GetProperty(input), t, $"{name}: input {input} (random stream out of step with PyTorch)");
        return t;
    }

    /// <summary>The input PyTorch used, as a leaf that requires grad (for cases whose random stream cannot match).</summary>
    internal Tensor RecordedInput(string input)
    {
        var e = _case.GetProperty("inputs").GetProperty(input);
        var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var values = e.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        return tensor(values, shape).requires_grad_();
    }

    /// <summary>Same parameter names in the same order as PyTorch's named_parameters(), with the same values.</summary>
    internal void AssertParameters(torch.nn.Module module)
    {
        var expected = _case.GetProperty("params").EnumerateObject().ToList();
        var actual = module.named_parameters().ToList();
        Assert.Equal(expected.Select(p => p.Name), actual.Select(p => p.name));
        foreach (var (p, (_, parameter)) in expected.Zip(actual))
            TorchAssert.Matches(p.Value, parameter, $"{name}: parameter {p.Name}");
    }

    /// <summary>Every recorded output is present and equal.</summary>
    internal void AssertOutputs(IReadOnlyDictionary<string, Tensor> outputs)
    {
        var expected = _case.GetProperty("outputs").EnumerateObject().ToList();
        Assert.Equal(expected.Select(o => o.Name).Order(), outputs.Keys.Order());
        foreach (var o in expected) TorchAssert.Matches(o.Value, outputs[o.Name], $"{name}: output {o.Name}");
    }

    /// <summary>The gradients of every parameter and of the named inputs equal PyTorch's.</summary>
    internal void AssertGradients(torch.nn.Module module, IReadOnlyDictionary<string, Tensor> inputs)
    {
        var grads = _case.GetProperty("grads");
        foreach (var (parameterName, parameter) in module.named_parameters())
            AssertGradient(grads.GetProperty("param." + parameterName), parameter, "parameter " + parameterName);
        foreach (var (inputName, input) in inputs)
            AssertGradient(grads.GetProperty("input." + inputName), input, "input " + inputName);
    }

    private void AssertGradient(JsonElement expected, Tensor leaf, string what)
    {
        using var grad = leaf.grad;
        Assert.True(grad is not null, $"{name}: {what} has no gradient");
        var values = expected.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()), grad.shape);
        TorchAssert.AssertClose(values, TorchAssert.ToDoubles(grad), $"{name}: gradient of {what}", rtol: GradientTolerance, atol: GradientTolerance);
    }
}

using System.Text.Json;
using AiLab.Torch.Optimizers;

namespace AiLab.Torch.Tests.optim;

/// <summary>
/// Fixtures/optim.json (written by Fixtures/optim.py with python3-torch 1.13 on the same libtorch) and the
/// problems it was computed on, rebuilt from the same literal values.
/// </summary>
internal static class OptimFixture
{
    internal static readonly JsonElement Root =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "optim.json"))).RootElement;

    internal static JsonElement Optimizers => Root.GetProperty("optimizers");
    internal static JsonElement Schedulers => Root.GetProperty("schedulers");

    /// <summary>Theory rows (index, description) for the cases of a fixture array.</summary>
    internal static TheoryData<int, string> Cases(JsonElement cases, Func<JsonElement, string> describe)
    {
        var data = new TheoryData<int, string>();
        var k = 0;
        foreach (var c in cases.EnumerateArray()) data.Add(k++, describe(c));
        return data;
    }

    internal static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    internal static double[][] Rows(JsonElement array) => array.EnumerateArray().Select(Doubles).ToArray();

    private static Tensor Matrix(JsonElement rows)
    {
        var values = Rows(rows);
        return tensor(values.SelectMany(r => r).ToArray(), [values.Length, values[0].Length]);
    }

    /// <summary>f(x) = ½ xᵀAx − bᵀx from x0, one parameter group.</summary>
    internal static Problem Quadratic()
    {
        var q = Root.GetProperty("quadratic");
        using var scope = NewDisposeScope();
        var a = Matrix(q.GetProperty("A"));
        var b = tensor(Doubles(q.GetProperty("b")));
        var x = tensor(Doubles(q.GetProperty("x0"))).requires_grad_();
        return new Problem([x], [a, b], () => 0.5 * x.dot(a.mv(x)) - b.dot(x), lr => [new torch.optim.ParamGroup([x])]);
    }

    /// <summary>Mean squared error of y = X Wᵀ + bias; W and bias form two groups, the bias at half the learning rate.</summary>
    internal static Problem Linear()
    {
        var l = Root.GetProperty("linear");
        using var scope = NewDisposeScope();
        var w = Matrix(l.GetProperty("W0")).requires_grad_();
        var bias = tensor(Doubles(l.GetProperty("b0"))).requires_grad_();
        var x = Matrix(l.GetProperty("X"));
        var y = Matrix(l.GetProperty("Y"));
        return new Problem([w, bias], [x, y], () => (x.matmul(w.t()) + bias - y).pow(2).mean(),
            lr => [new torch.optim.ParamGroup([w]), new torch.optim.ParamGroup([bias], lr: lr * 0.5)]);
    }

    internal static Problem ByName(string problem) => problem switch
    {
        "quadratic" => Quadratic(),
        "linear" => Linear(),
        _ => throw new ArgumentException($"unknown problem {problem}", nameof(problem)),
    };

    /// <summary>The optimizer <paramref name="name"/> with the fixture's keyword arguments (PyTorch's defaults otherwise).</summary>
    internal static torch.optim.Optimizer Create(string name, JsonElement kwargs, IEnumerable<torch.optim.ParamGroup> groups)
    {
        double D(string key, double fallback) => kwargs.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        bool B(string key) => kwargs.TryGetProperty(key, out var v) && v.GetBoolean();
        (double, double)? Betas() => kwargs.TryGetProperty("betas", out var v) ? (v[0].GetDouble(), v[1].GetDouble()) : null;
        return name switch
        {
            "SGD" => new SGD(groups, D("lr", double.NaN), D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov"), B("maximize")),
            "Adam" => new Adam(groups, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 0), B("amsgrad"), B("maximize")),
            "AdamW" => new AdamW(groups, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad"), B("maximize")),
            "RMSprop" => new RMSprop(groups, D("lr", 1e-2), D("alpha", 0.99), D("eps", 1e-8), D("weight_decay", 0), D("momentum", 0), B("centered"), B("maximize")),
            "Adagrad" => new Adagrad(groups, D("lr", 1e-2), D("lr_decay", 0), D("weight_decay", 0), D("initial_accumulator_value", 0), D("eps", 1e-10), B("maximize")),
            _ => throw new ArgumentException($"unknown optimizer {name}", nameof(name)),
        };
    }

}

/// <summary>A fixed training problem: its parameters, the loss over them, and their parameter groups.</summary>
internal sealed class Problem : IDisposable
{
    private readonly Tensor[] _data;
    private readonly Func<double, IEnumerable<torch.optim.ParamGroup>> _groups;

    internal Problem(Tensor[] parameters, Tensor[] data, Func<Tensor> loss, Func<double, IEnumerable<torch.optim.ParamGroup>> groups)
    {
        foreach (var t in parameters.Concat(data)) t.DetachFromDisposeScope();
        (Parameters, _data, Loss, _groups) = (parameters, data, loss, groups);
    }

    internal IReadOnlyList<Tensor> Parameters { get; }
    internal Func<Tensor> Loss { get; }

    /// <summary>The problem's parameter groups for default learning rate <paramref name="lr"/>.</summary>
    internal IEnumerable<torch.optim.ParamGroup> Groups(double lr) => _groups(lr);

    /// <summary>All parameter values, flattened in order (the fixture's trajectory format).</summary>
    internal double[] Values() => Parameters.SelectMany(TorchAssert.ToDoubles).ToArray();

    /// <summary>One training step: zero the gradients, evaluate the loss, backward, update.</summary>
    internal void TrainStep(torch.optim.Optimizer optimizer)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        Loss().backward();
        optimizer.step();
    }

    public void Dispose()
    {
        foreach (var t in Parameters.Concat(_data)) t.Dispose();
    }
}

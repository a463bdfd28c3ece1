using AiLab.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests.Models;

public sealed class ModuleSummaryTests
{
    [Fact]
    public void ParameterCount_Mlp_MatchesLayerFormulas()
    {
        using var model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10));
        // weights in·out plus one bias per output.
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, model.ParameterCount());
    }

    [Fact]
    public void ParameterCount_TrainableOnly_LeavesOutFrozenParameters()
    {
        using var model = new DigitsCnn();
        foreach (var p in model.conv1.parameters()) p.requires_grad = false;
        Assert.Equal(model.ParameterCount() - (16 * 9 + 16), model.ParameterCount(trainableOnly: true));
    }

    [Fact]
    public void Summary_DigitsCnn_OneLinePerChildAndATotal()
    {
        using var model = new DigitsCnn();
        foreach (var p in model.head.parameters()) p.requires_grad = false;
        var lines = model.Summary().Split('\n');

        Assert.Matches(@"^layer\s+type\s+parameters\s+trainable$", lines[0]);
        Assert.Matches(@"^conv1\s+Conv2d\s+160\s+160$", lines[1]);
        Assert.Matches(@"^conv2\s+Conv2d\s+4,640\s+4,640$", lines[2]);
        Assert.Matches(@"^pool\s+MaxPool2d\s+0\s+0$", lines[3]);
        Assert.Matches(@"^head\s+Linear\s+1,290\s+0$", lines[4]);
        Assert.Matches(@"^total\s+DigitsCnn\s+6,090\s+4,800$", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Summary_ParametersOnTheModuleItself_AppearAsOwn()
    {
        using var model = new ScaledLinear();
        var lines = model.Summary().Split('\n');
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\(own\)\s+Parameter\s+1\s+1$"));
        Assert.Matches(@"^total\s+ScaledLinear\s+4\s+4$", lines[^1]);
    }

    private sealed class ScaledLinear : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear linear = nn.Linear(2, 1);
        private readonly TorchSharp.Modules.Parameter scale = nn.Parameter(ones(1));

        public ScaledLinear() : base(nameof(ScaledLinear)) => RegisterComponents();

        public override Tensor forward(Tensor input) => linear.call(input) * scale;
    }
}

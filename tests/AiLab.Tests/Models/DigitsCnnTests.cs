using AiLab.Data;
using AiLab.Models;
using TorchSharp;
using static TorchSharp.torch;


namespace AiLab.Tests.Models;

public sealed class DigitsCnnTests
{
    // PyTorch 1.13: manual_seed(0); nn.Sequential(Conv2d(1,16,3,padding=1), ReLU(), MaxPool2d(2), Conv2d(16,32,3,padding=1),
    // ReLU(), MaxPool2d(2), Flatten(), Linear(128,10)) applied to arange(128)/128 reshaped to (2,1,8,8).
    private static readonly double[] s_pytorchLogits =
    [
        0.0260055, 0.0012363, 0.0609493, 0.0195678, -0.0421176, -0.0700037, 0.0682026, -0.0062869, 0.1395037, 0.1208885,
        0.0028743, -0.0526803, 0.0900005, 0.0404088, -0.0689524, -0.0538857, 0.0868751, -0.0192863, 0.2252913, 0.1997466,
    ];

    [Fact]
    public void Forward_DefaultSeed_MatchesPyTorchSequential()
    {
        manual_seed(0);
        using var model = new DigitsCnn();
        using var input = (arange(128, dtype: float32) / 128).reshape(2, 1, 8, 8);
        using var logits = model.call(input);
        Assert.Equal([2L, 10L], logits.shape);
        var actual = logits.data<float>().ToArray();
        for (var i = 0; i < s_pytorchLogits.Length; i++)
            Assert.True(Math.Abs(actual[i] - s_pytorchLogits[i]) < 1e-5, $"logit {i}: {actual[i]} vs PyTorch {s_pytorchLogits[i]}");
    }

    [Fact]
    public void NumParameters_Default_MatchesConvAndLinearFormulas()
    {
        using var model = new DigitsCnn();
        long expected = 16 * (1 * 9 + 1) + 32 * (16 * 9 + 1) + 10 * (32 * 2 * 2 + 1);
        Assert.Equal(expected, model.ParameterCount());
        Assert.Equal(128, model.FeatureCount);
    }

    [Fact]
    public void Features_LargerImages_HeadReadsChannelsTimesQuarterSideSquared()
    {
        using var model = new DigitsCnn(channels1: 4, channels2: 6, numClasses: 3, imageSize: 12);
        using var input = zeros([5, 1, 12, 12]);
        Assert.Equal([5L, 6L * 3 * 3], model.features(input).shape);
        Assert.Equal([5L, 4L, 12L, 12L], model.first_feature_maps(input).shape);
        Assert.Equal([5L, 3L], model.call(input).shape);
    }

    [Fact]
    public void StateDict_Default_NamesLayersLikeTheNotebook()
    {
        using var model = new DigitsCnn();
        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "head.weight", "head.bias"], model.state_dict().Keys);
        Assert.Equal(["conv1", "conv2", "pool", "head"], model.named_children().Select(c => c.name));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public void Constructor_ImageSizeNotMultipleOfFour_Throws(long imageSize)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DigitsCnn(imageSize: imageSize));
        Assert.Equal("imageSize", error.ParamName);
    }

    [Fact]
    public void Forward_TrainedBrieflyOnDigits_LearnsAboveChance()
    {
        manual_seed(0);
        var digits = Datasets.Digits();
        using var x = digits.X;
        using var y = digits.y;
        using var model = new DigitsCnn();
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        for (var step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            var index = arange(step * 32 % 1760, step * 32 % 1760 + 32);
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, index)), y.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        using var noGrad = no_grad();
        double accuracy = model.call(x).argmax(1).eq(y).to(float32).mean().item<float>();
        Assert.True(accuracy > 0.8, $"accuracy after 60 steps: {accuracy}");
    }
}

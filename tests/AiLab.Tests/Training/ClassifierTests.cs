using TorchSharp;
using static TorchSharp.torch;
using AiLab.Training;


namespace AiLab.Tests.Training;

public sealed class ClassifierTests
{
    // A fixed linear "model": logits = x·W, so the predictions are known by hand.
    private static nn.Module<Tensor, Tensor> FixedModel()
    {
        var layer = nn.Linear(2, 3, hasBias: false);
        using (no_grad()) layer.weight.copy_(tensor(new float[] { 1, 0, 0, 1, -1, -1 }, [3, 2]));
        return nn.Sequential(layer, nn.Dropout(0.9));
    }

    [Fact]
    public void Predict_IsArgmaxOfLogits_InEvalModeWithoutGrad()
    {
        using var model = FixedModel();
        using var x = tensor(new float[] { 2, 1, 0, 3, -2, -2 }, [3, 2]);
        Assert.Equal([0, 1, 2], Classifier.Predict(model, x));   // dropout off: deterministic
        Assert.True(model.training);                              // previous mode restored
    }

    [Fact]
    public void Accuracy_CountsMatches()
    {
        using var model = FixedModel();
        using var x = tensor(new float[] { 2, 1, 0, 3, -2, -2, 5, 0 }, [4, 2]);
        using var y = tensor(new long[] { 0, 1, 1, 0 });
        Assert.Equal(0.75, Classifier.Accuracy(model, x, y), 12);
        model.eval();
        Classifier.Accuracy(model, x, y);
        Assert.False(model.training);
        model.train();
        ((nn.Module)((TorchSharp.Modules.Sequential)model)[1]).eval();  // e.g. a frozen part kept in eval mode
        Classifier.Accuracy(model, x, y);
        Assert.True(model.training);
        Assert.False(((nn.Module)((TorchSharp.Modules.Sequential)model)[1]).training);
    }

    [Fact]
    public void Accuracy_LabelCountMismatch_Throws()
    {
        using var model = FixedModel();
        using var x = zeros(4, 2);
        using var y = zeros([3], dtype: int64);
        Assert.Contains("expected logits (N, C) for 3 labels", Assert.Throws<ArgumentException>(() => Classifier.Accuracy(model, x, y)).Message);
    }
}

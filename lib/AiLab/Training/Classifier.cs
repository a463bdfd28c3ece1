using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Training;

/// <summary>
/// Inference helpers for classifiers that output one logit per class: predicted classes and accuracy,
/// computed in evaluation mode without recording gradients. The model's previous mode is restored.
/// </summary>
public static class Classifier
{
    /// <summary>The predicted class of each row: argmax over the logits (N, C).</summary>
    public static int[] Predict(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        return Metrics.TensorArrays.Elements<int>(Logits(model, input).argmax(1), ScalarType.Int32);
    }

    /// <summary>The fraction of rows whose predicted class equals <paramref name="labels"/> (int64, shape N).</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor input, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var logits = Logits(model, input);
        if (logits.dim() != 2 || logits.size(0) != labels.numel())
            throw new ArgumentException($"expected logits (N, C) for {labels.numel()} labels, the model returned [{string.Join(", ", logits.shape)}]", nameof(labels));
        return logits.argmax(1).eq(labels.reshape(-1).to(labels.device)).to(float64).mean().item<double>();
    }

    private static Tensor Logits(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        // Each module's own mode, parents first: restoring in this order keeps e.g. a frozen,
        // eval-mode backbone inside a model that is training. TorchSharp's modules(), unlike PyTorch's, leaves
        // out the module itself.
        var modes = model.modules().Prepend((nn.Module)model).Select(m => (Module: m, Training: m.training)).ToList();
        model.eval();
        try
        {
            using (no_grad()) return model.forward(input);
        }
        finally
        {
            foreach (var (module, training) in modes) module.train(training);
        }
    }
}

using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AiLab.Models;

/// <summary>
/// The small CNN the digits notebooks share (06 builds it step by step, 07 and 08 reuse it): conv 3×3 (padding 1)
/// → ReLU → max-pool 2 → conv 3×3 (padding 1) → ReLU → max-pool 2 → flatten → linear head producing logits.
/// Shape: input (N, 1, S, S) with S divisible by 4 (8 for <see cref="Data.Datasets.Digits"/>) → output (N, numClasses).
/// Layers are created in the order conv1, conv2, head with PyTorch's default initialisation, so for the same
/// <c>manual_seed</c> the weights equal those of the equivalent PyTorch <c>nn.Sequential</c>.
/// The layers are auto-properties; <c>[field: ComponentName]</c> names them conv1, conv2, pool and head in
/// <c>state_dict</c> and <c>named_children</c> (TorchSharp's <c>RegisterComponents</c> would otherwise use the
/// compiler's backing-field names, <c>&lt;conv1&gt;k__BackingField</c>).
/// </summary>
public sealed class DigitsCnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the network.</summary>
    /// <param name="channels1">Feature maps of the first convolution.</param>
    /// <param name="channels2">Feature maps of the second convolution.</param>
    /// <param name="numClasses">Logits produced by the head.</param>
    /// <param name="imageSize">Height and width of the (square, single-channel) input images.</param>
    public DigitsCnn(long channels1 = 16, long channels2 = 32, long numClasses = 10, long imageSize = 8) : base(nameof(DigitsCnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels2, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        if (imageSize < 4 || imageSize % 4 != 0)
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "imageSize must be a positive multiple of 4 (two 2×2 poolings).");
        conv1 = nn.Conv2d(1, channels1, 3, padding: 1);
        conv2 = nn.Conv2d(channels1, channels2, 3, padding: 1);
        pool = nn.MaxPool2d(2);
        FeatureCount = channels2 * (imageSize / 4) * (imageSize / 4);
        head = nn.Linear(FeatureCount, numClasses);
        RegisterComponents();
    }

    /// <summary>First convolution, (1 → channels1), 3×3, padding 1.</summary>
    [field: ComponentName(Name = nameof(conv1))]
    public Conv2d conv1 { get; }

    /// <summary>Second convolution, (channels1 → channels2), 3×3, padding 1.</summary>
    [field: ComponentName(Name = nameof(conv2))]
    public Conv2d conv2 { get; }

    /// <summary>The 2×2 max-pooling applied after each convolution.</summary>
    [field: ComponentName(Name = nameof(pool))]
    public MaxPool2d pool { get; }

    /// <summary>The linear classifier on the flattened features.</summary>
    [field: ComponentName(Name = nameof(head))]
    public Linear head { get; }

    /// <summary>Length of the flattened feature vector the head reads: channels2 · (imageSize/4)².</summary>
    public long FeatureCount { get; }

    /// <summary>The first layer's feature maps after ReLU, (N, channels1, S, S).</summary>
    public Tensor first_feature_maps(Tensor input) => conv1.call(input).relu();

    /// <summary>Everything before the head: the flattened features (N, <see cref="FeatureCount"/>).</summary>
    public Tensor features(Tensor input)
    {
        var x = pool.call(conv1.call(input).relu());
        x = pool.call(conv2.call(x).relu());
        return x.flatten(1);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => head.call(features(input));
}

using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Explain;

public sealed partial class IntegratedGradients
{
    /// <summary>
    /// Creates the explainer for a tensor model, with gradients from autograd: the whole integration path
    /// goes through <paramref name="forward"/> as one batch and one backward pass.
    /// </summary>
    /// <param name="forward">Batch in (n × <paramref name="sampleShape"/>), one output per sample out
    /// (shape [n] or [n, 1]) — e.g. <c>x =&gt; model.forward(x)</c> followed by selecting the target class's logit.</param>
    /// <param name="sampleShape">Shape of one sample (e.g. [1, 8, 8] for an image); inputs and baselines are the
    /// flattened sample in row-major order. Null = a flat vector.</param>
    /// <param name="dtype">Dtype the model expects (float32 by default).</param>
    /// <param name="device">Device of the model (CPU by default).</param>
    public static IntegratedGradients FromTorch(Func<Tensor, Tensor> forward, long[]? sampleShape = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(forward);

        Tensor ToTensor(double[,] points, bool requiresGrad)
        {
            int n = points.GetLength(0), d = points.GetLength(1);
            long[] shape = [n, .. sampleShape ?? [d]];
            long perSample = shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            if (perSample != d)
                throw new ArgumentException($"sampleShape [{string.Join(", ", sampleShape!)}] holds {perSample} values but the input has {d}.", nameof(sampleShape));
            var flat = new double[n * d];
            Buffer.BlockCopy(points, 0, flat, 0, flat.Length * sizeof(double));
            return torch.tensor(flat, shape, dtype, device, requires_grad: requiresGrad);
        }

        Tensor Forward(Tensor x, int n)
        {
            var y = forward(x) ?? throw new InvalidOperationException("The forward function returned null.");
            if (y.numel() != n)
                throw new InvalidOperationException($"The forward function must return one value per sample: got shape [{string.Join(", ", y.shape)}] for {n} samples. Select the output (class logit) to explain.");
            return y;
        }

        double[,] BatchGradient(double[,] points)
        {
            int n = points.GetLength(0), d = points.GetLength(1);
            using var scope = torch.NewDisposeScope();
            using var grad = torch.enable_grad();
            var x = ToTensor(points, requiresGrad: true);
            var y = Forward(x, n);
            // Samples are independent, so ∂(Σ outputs)/∂x holds each sample's own gradient.
            var g = torch.autograd.grad([y.sum()], [x], allow_unused: true)[0];
            var result = new double[n, d];
            if (g is null) return result; // the output does not depend on the input at all
            var values = Metrics.TensorArrays.Elements<double>(g, ScalarType.Float64);
            Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
            return result;
        }

        double[] Model(double[,] points)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            return Metrics.TensorArrays.Elements<double>(Forward(ToTensor(points, requiresGrad: false), points.GetLength(0)), ScalarType.Float64);
        }

        return new IntegratedGradients(BatchGradient, Model);
    }
}

using AiLab.Torch.Optimizers;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Training utilities (<c>torch.nn.utils</c>): gradient clipping and parameter/vector conversion.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Scales the gradients of <paramref name="parameters"/> in place so that their combined
            /// <paramref name="norm_type"/>-norm (as if concatenated into one vector) is at most
            /// <paramref name="max_norm"/>: each gradient is multiplied by min(1, max_norm / (total_norm + 1e-6)).
            /// Parameters without a gradient are ignored. Returns the total norm before clipping as a 0-D tensor,
            /// like PyTorch (<c>clip_grad_norm_(…).item&lt;double&gt;()</c> for the number; dispose it or call inside
            /// a dispose scope). <paramref name="norm_type"/> may be <see cref="double.PositiveInfinity"/> (max |g|).
            /// </summary>
            /// <exception cref="InvalidOperationException">With <paramref name="error_if_nonfinite"/>, when the total norm is NaN or infinite.</exception>
            public static Tensor clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
                if (grads.Length == 0) return tensor(0f).MoveToOuterDisposeScope();
                var norms = Foreach.norm(grads, norm_type);
                // PyTorch: the max of the per-tensor maxima for ∞, else the norm of the per-tensor norms.
                var total = double.IsPositiveInfinity(norm_type)
                    ? norms.Length == 1 ? norms[0] : stack(norms).max()
                    : stack(norms).norm(norm_type);
                if (error_if_nonfinite && !double.IsFinite(total.item<double>()))
                    throw new InvalidOperationException(
                        $"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so it cannot be clipped. " +
                        "To disable this error and scale the gradients by the non-finite norm anyway, set error_if_nonfinite: false");
                // max_norm / (total + 1e-6), computed as PyTorch's float / tensor is: reciprocal(·) · max_norm.
                var coefficient = total.add(1e-6).reciprocal().mul(max_norm).clamp_(max: 1.0);
                Foreach.mul_(grads, Enumerable.Repeat(coefficient, grads.Length).ToArray());
                return total.MoveToOuterDisposeScope();
            }

            /// <summary>Clips one tensor's gradient; see <see cref="clip_grad_norm_(IEnumerable{Tensor}, double, double, bool)"/>.</summary>
            public static Tensor clip_grad_norm_(Tensor parameter, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false) =>
                clip_grad_norm_([parameter], max_norm, norm_type, error_if_nonfinite);

            /// <summary>Clamps every gradient of <paramref name="parameters"/> in place into [−clip_value, clip_value].</summary>
            public static void clip_grad_value_(IEnumerable<Tensor> parameters, double clip_value)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                foreach (var p in parameters) p.grad?.clamp_(-clip_value, clip_value);
            }

            /// <summary>Clamps one tensor's gradient into [−clip_value, clip_value].</summary>
            public static void clip_grad_value_(Tensor parameter, double clip_value) => clip_grad_value_([parameter], clip_value);
        }
    }
}

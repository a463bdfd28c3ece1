using AiLab.Torch.Modules;
using AiLab.Torch.Native;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>
    /// What BatchNorm1d and BatchNorm2d share (PyTorch's <c>_BatchNorm</c>): y = (x − E[x]) / √(Var[x] + eps) · γ + β per channel.
    /// In training mode E and Var are the batch's (biased variance) and the running estimates are updated with the unbiased
    /// variance: running = (1 − momentum)·running + momentum·batch (a cumulative average when momentum is null); in eval mode
    /// the running estimates are used. Without track_running_stats the batch statistics are used in both modes.
    /// </summary>
    public abstract class BatchNorm : nn.Module<Tensor, Tensor>
    {
        private protected BatchNorm(string name, long num_features, double eps, double? momentum, bool affine, bool track_running_stats,
            Device? device, ScalarType? dtype) : base(name)
        {
            if (num_features <= 0) throw new ArgumentOutOfRangeException(nameof(num_features), num_features, "num_features must be positive");
            if (eps < 0) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be non-negative");
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine)
            {
                weight = new nn.Parameter(empty([num_features], dtype, device));
                bias = new nn.Parameter(empty([num_features], dtype, device));
            }
            if (track_running_stats)
            {
                running_mean = zeros([num_features], dtype, device);
                running_var = ones([num_features], dtype, device);
                num_batches_tracked = zeros([], int64, device);
            }
            reset_parameters();
            RegisterComponents();
        }

        /// <summary>C, the number of channels.</summary>
        public long num_features { get; }
        /// <summary>Added to the variance for numerical stability.</summary>
        public double eps { get; }
        /// <summary>Weight of the new batch statistic in the running estimates; null for a cumulative moving average.</summary>
        public double? momentum { get; }
        /// <summary>Whether the layer has a learnable γ and β.</summary>
        public bool affine { get; }
        /// <summary>Whether running estimates are kept (and used in eval mode).</summary>
        public bool track_running_stats { get; }
        /// <summary>γ (num_features), initialised to 1; null without affine.</summary>
        public nn.Parameter? weight { get; }
        /// <summary>β (num_features), initialised to 0; null without affine.</summary>
        public nn.Parameter? bias { get; }
        /// <summary>Running mean (num_features), starts at 0; null without track_running_stats.</summary>
        public Tensor? running_mean { get; }
        /// <summary>Running (unbiased) variance (num_features), starts at 1; null without track_running_stats.</summary>
        public Tensor? running_var { get; }
        /// <summary>Number of training batches seen (an int64 scalar); null without track_running_stats.</summary>
        public Tensor? num_batches_tracked { get; }

        /// <summary>Resets the running estimates to mean 0, variance 1 and the batch count to 0.</summary>
        public void reset_running_stats()
        {
            if (!track_running_stats) return;
            using (no_grad())
            {
                running_mean!.zero_();
                running_var!.fill_(1);
                num_batches_tracked!.zero_();
            }
        }

        /// <summary>Resets the running estimates and sets γ = 1, β = 0.</summary>
        public void reset_parameters()
        {
            reset_running_stats();
            if (!affine) return;
            nn.init.ones_(weight!);
            nn.init.zeros_(bias!);
        }

        /// <summary>Throws unless <paramref name="input"/> has a rank this layer accepts.</summary>
        private protected abstract void CheckInputDim(Tensor input);

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            ArgumentNullException.ThrowIfNull(input);
            CheckInputDim(input);
            var averagingFactor = momentum ?? 0.0;
            if (training && track_running_stats)
            {
                using (no_grad()) num_batches_tracked!.add_(1);
                // A cumulative moving average weights the n-th batch by 1/n.
                if (momentum is null) averagingFactor = 1.0 / num_batches_tracked!.item<long>();
            }
            // Batch statistics normalise while training, and in eval mode when there are no running estimates.
            var useBatchStats = training || running_mean is null;
            // Running estimates are passed only when they are to be updated (training and tracked) or used (eval).
            var passRunning = !training || track_running_stats;
            return nn.functional.batch_norm(input, passRunning ? running_mean : null, passRunning ? running_var : null, weight, bias,
                useBatchStats, averagingFactor, eps);
        }

        /// <inheritdoc/>
        protected override string extra_repr() =>
            $"{num_features}, eps={PyRepr.Float(eps)}, momentum={PyRepr.Float(momentum)}, " +
            $"affine={PyRepr.Bool(affine)}, track_running_stats={PyRepr.Bool(track_running_stats)}";
    }

    /// <summary>
    /// Batch normalisation over a 2-D or 3-D input: y = (x − E[x]) / √(Var[x] + eps) · γ + β, statistics per channel C over
    /// the batch (and length) dimensions; see <see cref="BatchNorm"/> for training versus eval.
    /// <para>Arguments: num_features (C); eps = 1e-5; momentum = 0.1 (null: cumulative average); affine = true;
    /// track_running_stats = true.</para>
    /// <para>Shape: input (N, C) or (N, C, L) → output of the same shape.</para>
    /// <para>Attributes: weight γ (C) = 1, bias β (C) = 0; buffers running_mean (C) = 0, running_var (C) = 1, num_batches_tracked = 0.</para>
    /// </summary>
    public sealed class BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null)
        : BatchNorm(nameof(BatchNorm1d), num_features, eps, momentum, affine, track_running_stats, device, dtype)
    {
        private protected override void CheckInputDim(Tensor input)
        {
            if (input.dim() is not (2 or 3)) throw new ArgumentException($"expected 2D or 3D input (got {input.dim()}D input)", nameof(input));
        }
    }

    /// <summary>
    /// Batch normalisation over a 4-D input: y = (x − E[x]) / √(Var[x] + eps) · γ + β, statistics per channel C over
    /// (N, H, W); see <see cref="BatchNorm"/> for training versus eval.
    /// <para>Arguments: num_features (C); eps = 1e-5; momentum = 0.1 (null: cumulative average); affine = true;
    /// track_running_stats = true.</para>
    /// <para>Shape: input (N, C, H, W) → output of the same shape.</para>
    /// <para>Attributes: weight γ (C) = 1, bias β (C) = 0; buffers running_mean (C) = 0, running_var (C) = 1, num_batches_tracked = 0.</para>
    /// </summary>
    public sealed class BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null)
        : BatchNorm(nameof(BatchNorm2d), num_features, eps, momentum, affine, track_running_stats, device, dtype)
    {
        private protected override void CheckInputDim(Tensor input)
        {
            if (input.dim() != 4) throw new ArgumentException($"expected 4D input (got {input.dim()}D input)", nameof(input));
        }
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalisation of (N, C) or (N, C, L): see <see cref="Modules.BatchNorm1d"/>.</summary>
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            /// <summary>Batch normalisation of (N, C, H, W): see <see cref="Modules.BatchNorm2d"/>.</summary>
            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static partial class functional
            {
                private static readonly Op s_batch_norm = new("aten::batch_norm");

                /// <summary>
                /// Batch normalisation of (N, C, *) per channel: with <paramref name="training"/> the batch statistics normalise and,
                /// when given, <paramref name="running_mean"/>/<paramref name="running_var"/> are updated in place with
                /// <paramref name="momentum"/>; otherwise the running estimates normalise. See <see cref="Modules.BatchNorm"/>.
                /// </summary>
                public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                    bool training = false, double momentum = 0.1, double eps = 1e-5)
                {
                    ArgumentNullException.ThrowIfNull(input);
                    if (training) VerifyBatchSize(input.shape);
                    // The last argument is cudnn_enabled, as torch.backends.cudnn.enabled (true by default) passes it.
                    return s_batch_norm.Call(input, weight, bias, running_mean, running_var, training, momentum, eps, true);
                }

                // One value per channel has no variance: PyTorch refuses to train on it.
                private static void VerifyBatchSize(long[] shape)
                {
                    if (shape.Length < 2) throw new ArgumentException($"batch_norm expects (N, C, *) input, got [{string.Join(", ", shape)}]", "input");
                    var perChannel = shape[0] * shape.Skip(2).Aggregate(1L, (a, b) => a * b);
                    if (perChannel == 1)
                        throw new ArgumentException($"Expected more than 1 value per channel when training, got input size [{string.Join(", ", shape)}]", "input");
                }
            }
        }
    }
}

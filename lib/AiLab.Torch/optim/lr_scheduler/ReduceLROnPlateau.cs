using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Reduces each group's learning rate by <see cref="factor"/> when a monitored metric stops improving
    /// (<c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>). Call <see cref="step(double)"/> with the metric
    /// (e.g. the validation loss) once per epoch. A value improves on the best so far when, in "min" mode, it is
    /// below best · (1 − threshold) ("rel") or best − threshold ("abs") — mirrored for "max". After more than
    /// <see cref="patience"/> epochs without improvement the rate becomes max(lr · factor, min_lr) (changes
    /// smaller than <see cref="eps"/> are skipped), then <see cref="cooldown"/> epochs pass before counting again.
    /// </summary>
    public sealed class ReduceLROnPlateau : LRScheduler
    {
        private readonly double[] _minLrs;

        /// <summary>
        /// Attaches to <paramref name="optimizer"/>. <paramref name="min_lr"/> bounds every group;
        /// <paramref name="min_lrs"/>, when given, bounds each group separately (PyTorch's list form of min_lr).
        /// </summary>
        public ReduceLROnPlateau(torch.optim.Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
            string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, IReadOnlyList<double>? min_lrs = null, double eps = 1e-8)
            : base(optimizer)
        {
            if (!(factor < 1.0)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "Factor should be < 1.0.");
            if (mode is not ("min" or "max")) throw new ArgumentException($"mode {mode} is unknown!", nameof(mode));
            if (threshold_mode is not ("rel" or "abs")) throw new ArgumentException($"threshold mode {threshold_mode} is unknown!", nameof(threshold_mode));
            var groups = optimizer.param_groups.Count;
            if (min_lrs is not null && min_lrs.Count != groups)
                throw new ArgumentException($"expected {groups} min_lrs, got {min_lrs.Count}", nameof(min_lrs));
            _minLrs = min_lrs?.ToArray() ?? Enumerable.Repeat(min_lr, groups).ToArray();
            (this.mode, this.factor, this.patience, this.threshold, this.threshold_mode, this.cooldown, this.eps) =
                (mode, factor, patience, threshold, threshold_mode, cooldown, eps);
            // Unlike the epoch schedulers, nothing is applied until the first metric arrives.
            last_epoch = 0;
            best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
        }

        /// <summary>"min" (lower is better, e.g. a loss) or "max" (higher is better, e.g. accuracy).</summary>
        public string mode { get; }

        /// <summary>new_lr = lr · factor.</summary>
        public double factor { get; }

        /// <summary>Epochs without improvement tolerated before reducing.</summary>
        public int patience { get; }

        /// <summary>The margin a value must beat the best by to count as an improvement.</summary>
        public double threshold { get; }

        /// <summary>"rel" (threshold relative to the best) or "abs".</summary>
        public string threshold_mode { get; }

        /// <summary>Epochs to wait after a reduction before counting bad epochs again.</summary>
        public int cooldown { get; }

        /// <summary>Reductions smaller than this are skipped.</summary>
        public double eps { get; }

        /// <summary>The lower bound of each group's learning rate.</summary>
        public IReadOnlyList<double> min_lrs => _minLrs;

        /// <summary>The best metric seen so far (±∞ before the first).</summary>
        public double best { get; private set; }

        /// <summary>Consecutive epochs without improvement.</summary>
        public int num_bad_epochs { get; private set; }

        /// <summary>Epochs of cooldown left.</summary>
        public int cooldown_counter { get; private set; }

        /// <summary>True while in cooldown after a reduction.</summary>
        public bool in_cooldown => cooldown_counter > 0;

        /// <summary>Not available: this scheduler needs the monitored value, so call <see cref="step(double)"/>.</summary>
        public override void step() =>
            throw new InvalidOperationException("ReduceLROnPlateau.step needs the monitored metric: call step(metrics), e.g. step(validation_loss)");

        /// <summary>Records one epoch's metric and reduces the learning rates after a plateau.</summary>
        public void step(double metrics)
        {
            var current = metrics;
            last_epoch++;
            if (is_better(current, best))
            {
                best = current;
                num_bad_epochs = 0;
            }
            else num_bad_epochs++;

            if (in_cooldown)
            {
                cooldown_counter--;
                num_bad_epochs = 0; // bad epochs during cooldown do not count
            }

            if (num_bad_epochs > patience)
            {
                ReduceLr();
                cooldown_counter = cooldown;
                num_bad_epochs = 0;
            }
            RecordLastLr();
        }

        /// <summary>Records a one-element tensor metric (e.g. the loss tensor).</summary>
        public void step(Tensor metrics)
        {
            ArgumentNullException.ThrowIfNull(metrics);
            step(metrics.item<double>());
        }

        /// <summary>True when <paramref name="a"/> improves on <paramref name="best"/> under the mode and threshold.</summary>
        public bool is_better(double a, double best) => (mode, threshold_mode) switch
        {
            ("min", "rel") => a < best * (1.0 - threshold),
            ("min", _) => a < best - threshold,
            (_, "rel") => a > best * (threshold + 1.0),
            _ => a > best + threshold,
        };

        private void ReduceLr()
        {
            var groups = optimizer.param_groups;
            for (var g = 0; g < groups.Count; g++)
            {
                var oldLr = groups[g].lr;
                var newLr = Math.Max(oldLr * factor, _minLrs[g]);
                if (oldLr - newLr > eps) groups[g].lr = newLr;
            }
        }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr() => GroupLrs();

        /// <inheritdoc/>
        protected override IEnumerable<(string name, double value)> SavedScalars() =>
            [("best", best), ("num_bad_epochs", num_bad_epochs), ("cooldown_counter", cooldown_counter)];

        /// <inheritdoc/>
        protected override void LoadState(IReadOnlyDictionary<string, double[]> values) =>
            (best, num_bad_epochs, cooldown_counter) = (Single(values, "best"), (int)Single(values, "num_bad_epochs"), (int)Single(values, "cooldown_counter"));
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                /// <summary>
                /// Reduces the learning rate when a metric plateaus; call <c>scheduler.step(val_loss)</c> each epoch:
                /// <c>lr_scheduler.ReduceLROnPlateau(optimizer, mode: "min", factor: 0.5, patience: 3)</c>.
                /// </summary>
                public static ReduceLROnPlateau ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10,
                    double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, IReadOnlyList<double>? min_lrs = null,
                    double eps = 1e-8) =>
                    new(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, min_lrs, eps);
            }
        }
    }
}

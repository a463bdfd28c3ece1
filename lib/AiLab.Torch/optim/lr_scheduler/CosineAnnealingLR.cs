using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Cosine annealing from each group's initial learning rate η_max down to <see cref="eta_min"/> over
    /// <see cref="T_max"/> epochs (<c>torch.optim.lr_scheduler.CosineAnnealingLR</c>, SGDR without restarts).
    /// When only this scheduler sets the learning rate:
    /// <code>η_t = η_min + (η_max − η_min) · (1 + cos(π · t / T_max)) / 2</code>
    /// Past T_max the rate rises again along the same cosine. Like PyTorch it is computed recursively from the
    /// current rate, so the values equal PyTorch's to the last bit.
    /// </summary>
    public sealed class CosineAnnealingLR : LRScheduler
    {
        /// <summary>Attaches the schedule to <paramref name="optimizer"/> and applies epoch 0.</summary>
        public CosineAnnealingLR(torch.optim.Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) : base(optimizer, last_epoch)
        {
            if (T_max <= 0) throw new ArgumentOutOfRangeException(nameof(T_max), T_max, "T_max must be positive");
            this.T_max = T_max;
            this.eta_min = eta_min;
            initial_step();
        }

        /// <summary>Epochs from the maximum to the minimum learning rate (half a period).</summary>
        public int T_max { get; }

        /// <summary>The minimum learning rate.</summary>
        public double eta_min { get; }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr()
        {
            // The expressions keep PyTorch's operation order so the floating-point results are identical.
            if (last_epoch == 0) return GroupLrs();
            var lrs = GroupLrs();
            if (_step_count == 1 && last_epoch > 0)
                return base_lrs.Select(base_lr => eta_min + (base_lr - eta_min) * (1 + Math.Cos(last_epoch * Math.PI / T_max)) / 2).ToList();
            if ((last_epoch - 1 - T_max) % (2 * T_max) == 0)
                return base_lrs.Zip(lrs, (base_lr, lr) => lr + (base_lr - eta_min) * (1 - Math.Cos(Math.PI / T_max)) / 2).ToList();
            return lrs.Select(lr => (1 + Math.Cos(Math.PI * last_epoch / T_max)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / T_max)) * (lr - eta_min) + eta_min).ToList();
        }
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
                /// <summary>Cosine annealing to eta_min over T_max epochs: <c>lr_scheduler.CosineAnnealingLR(optimizer, T_max: 50)</c>.</summary>
                public static CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) =>
                    new(optimizer, T_max, eta_min, last_epoch);
            }
        }
    }
}

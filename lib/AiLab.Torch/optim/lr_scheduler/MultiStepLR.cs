using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Multiplies each group's learning rate by <see cref="gamma"/> when the epoch reaches a milestone
    /// (<c>torch.optim.lr_scheduler.MultiStepLR</c>); a milestone listed k times multiplies by gammaᵏ.
    /// </summary>
    public sealed class MultiStepLR : LRScheduler
    {
        private readonly Dictionary<int, int> _counts;

        /// <summary>Attaches the schedule to <paramref name="optimizer"/> and applies epoch 0.</summary>
        public MultiStepLR(torch.optim.Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
        {
            ArgumentNullException.ThrowIfNull(milestones);
            this.milestones = milestones.Order().ToList();
            _counts = this.milestones.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
            this.gamma = gamma;
            initial_step();
        }

        /// <summary>The epochs at which the learning rate decays, sorted.</summary>
        public IReadOnlyList<int> milestones { get; }

        /// <summary>The decay factor.</summary>
        public double gamma { get; }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr() => _counts.TryGetValue(last_epoch, out var count)
            ? GroupLrs().Select(lr => lr * Math.Pow(gamma, count)).ToList()
            : GroupLrs();
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
                /// <summary>Decays the learning rate by gamma at each milestone: <c>lr_scheduler.MultiStepLR(optimizer, [30, 80], gamma: 0.1)</c>.</summary>
                public static MultiStepLR MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int last_epoch = -1) =>
                    new(optimizer, milestones, gamma, last_epoch);
            }
        }
    }
}

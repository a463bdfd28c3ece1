using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Multiplies each group's learning rate by <see cref="gamma"/> every epoch
    /// (<c>torch.optim.lr_scheduler.ExponentialLR</c>): lr = initial_lr · gamma^epoch.
    /// </summary>
    public sealed class ExponentialLR : LRScheduler
    {
        /// <summary>Attaches the schedule to <paramref name="optimizer"/> and applies epoch 0.</summary>
        public ExponentialLR(torch.optim.Optimizer optimizer, double gamma, int last_epoch = -1) : base(optimizer, last_epoch)
        {
            this.gamma = gamma;
            initial_step();
        }

        /// <summary>The decay factor per epoch.</summary>
        public double gamma { get; }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr() => last_epoch == 0 ? GroupLrs() : GroupLrs().Select(lr => lr * gamma).ToList();
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
                /// <summary>Decays the learning rate by gamma every epoch: <c>lr_scheduler.ExponentialLR(optimizer, gamma: 0.95)</c>.</summary>
                public static ExponentialLR ExponentialLR(Optimizer optimizer, double gamma, int last_epoch = -1) => new(optimizer, gamma, last_epoch);
            }
        }
    }
}

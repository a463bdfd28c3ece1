using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Multiplies each group's learning rate by <see cref="gamma"/> every <see cref="step_size"/> epochs
    /// (<c>torch.optim.lr_scheduler.StepLR</c>): lr = initial_lr · gamma^⌊epoch / step_size⌋.
    /// </summary>
    public sealed class StepLR : LRScheduler
    {
        /// <summary>Attaches the schedule to <paramref name="optimizer"/> and applies epoch 0.</summary>
        public StepLR(torch.optim.Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
        {
            if (step_size <= 0) throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "step_size must be positive");
            this.step_size = step_size;
            this.gamma = gamma;
            initial_step();
        }

        /// <summary>Epochs between decays.</summary>
        public int step_size { get; }

        /// <summary>The decay factor.</summary>
        public double gamma { get; }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr() =>
            last_epoch == 0 || last_epoch % step_size != 0 ? GroupLrs() : GroupLrs().Select(lr => lr * gamma).ToList();
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
                /// <summary>Decays the learning rate by gamma every step_size epochs: <c>lr_scheduler.StepLR(optimizer, step_size: 30, gamma: 0.1)</c>.</summary>
                public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
                    new(optimizer, step_size, gamma, last_epoch);
            }
        }
    }
}

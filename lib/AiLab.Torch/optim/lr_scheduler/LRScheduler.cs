using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// Base of the learning-rate schedulers (<c>torch.optim.lr_scheduler.LRScheduler</c>). Creating one sets
    /// each group's <see cref="torch.optim.ParamGroup.initial_lr"/> (if no scheduler did yet) and applies the
    /// learning rates for epoch 0; call <see cref="step()"/> after <c>optimizer.step()</c>, once per epoch (or
    /// per batch for OneCycleLR). Like PyTorch's, the schedules are chainable: most compute the new rate from
    /// the group's current one, so changes made by other code carry forward.
    /// </summary>
    public abstract class LRScheduler
    {
        private List<double> _lastLr;

        /// <summary>
        /// Attaches to <paramref name="optimizer"/>. With <paramref name="last_epoch"/> = −1 the schedule starts;
        /// otherwise it resumes after that epoch and every group must already have an initial_lr.
        /// Subclasses set their fields, then call <see cref="initial_step"/> at the end of their constructor.
        /// </summary>
        protected LRScheduler(torch.optim.Optimizer optimizer, int last_epoch = -1)
        {
            ArgumentNullException.ThrowIfNull(optimizer);
            this.optimizer = optimizer;
            var groups = optimizer.param_groups;
            for (var g = 0; g < groups.Count; g++)
            {
                if (last_epoch == -1)
                {
                    if (!groups[g].has_initial_lr) groups[g].initial_lr = groups[g].lr;
                }
                else if (!groups[g].has_initial_lr)
                    throw new ArgumentException($"param 'initial_lr' is not specified in param_groups[{g}] when resuming an optimizer", nameof(last_epoch));
            }
            base_lrs = groups.Select(g => g.initial_lr).ToList();
            this.last_epoch = last_epoch;
            _lastLr = groups.Select(g => g.lr).ToList();
        }

        /// <summary>The optimizer whose learning rates this scheduler sets.</summary>
        public torch.optim.Optimizer optimizer { get; }

        /// <summary>The learning rates the schedule starts from, one per group (the groups' initial_lr).</summary>
        public IReadOnlyList<double> base_lrs { get; private set; }

        /// <summary>The epoch (or batch, for OneCycleLR) whose learning rates are set: 0 after construction, +1 per <see cref="step()"/>.</summary>
        public int last_epoch { get; protected set; }

        /// <summary>How many times <see cref="step()"/> ran, counting the one made by the constructor.</summary>
        protected int _step_count { get; private set; }

        /// <summary>The learning rates set by the last <see cref="step()"/>, one per group.</summary>
        public IReadOnlyList<double> get_last_lr() => _lastLr;

        /// <summary>Advances one epoch: computes the learning rates for the next epoch and sets them on the groups.</summary>
        public virtual void step()
        {
            _step_count++;
            last_epoch++;
            var values = get_lr();
            var groups = optimizer.param_groups;
            for (var g = 0; g < groups.Count; g++) groups[g].lr = values[g];
            RecordLastLr();
        }

        /// <summary>The learning rates for <see cref="last_epoch"/>, one per group (called by <see cref="step()"/>).</summary>
        protected abstract IReadOnlyList<double> get_lr();

        /// <summary>Starts the schedule: the first step, to epoch <c>last_epoch + 1</c> (PyTorch's <c>_initial_step</c>).</summary>
        protected void initial_step()
        {
            _step_count = 0;
            step();
        }

        /// <summary>Remembers the groups' current learning rates for <see cref="get_last_lr"/>.</summary>
        protected void RecordLastLr() => _lastLr = [.. GroupLrs()];

        /// <summary>The current learning rate of every group.</summary>
        protected IReadOnlyList<double> GroupLrs() => optimizer.param_groups.Select(g => g.lr).ToList();

        /// <summary>
        /// The scheduler's progress as float64 tensors (the format of the optimizer's state dict, ready for a
        /// tensor file): scalars <c>last_epoch</c>, <c>_step_count</c> and subclass entries (ReduceLROnPlateau:
        /// <c>best</c>, <c>num_bad_epochs</c>, <c>cooldown_counter</c>); per-group vectors <c>base_lrs</c> and
        /// <c>_last_lr</c>. Hyper-parameters come from the constructor and are not saved. To resume, build the
        /// optimizer and the scheduler as before, then load the optimizer's state dict and this one.
        /// </summary>
        public Dictionary<string, Tensor> state_dict()
        {
            var dict = new Dictionary<string, Tensor>
            {
                ["last_epoch"] = torch.tensor((double)last_epoch),
                ["_step_count"] = torch.tensor((double)_step_count),
                ["base_lrs"] = torch.tensor(base_lrs.ToArray()),
                ["_last_lr"] = torch.tensor(_lastLr.ToArray()),
            };
            foreach (var (name, value) in SavedScalars()) dict[name] = torch.tensor(value);
            return dict;
        }

        /// <summary>Restores progress saved by <see cref="state_dict"/>; throws naming a missing or malformed entry.</summary>
        public void load_state_dict(IReadOnlyDictionary<string, Tensor> state_dict)
        {
            ArgumentNullException.ThrowIfNull(state_dict);
            var values = new Dictionary<string, double[]>();
            foreach (var (key, value) in state_dict)
            {
                ArgumentNullException.ThrowIfNull(value, $"state_dict[\"{key}\"]");
                using var asDouble = value.to(torch.float64);
                values[key] = asDouble.ToArray<double>();
            }
            var groups = optimizer.param_groups.Count;
            var lastEpoch = (int)Single(values, "last_epoch");
            var stepCount = (int)Single(values, "_step_count");
            var baseLrs = PerGroup(values, "base_lrs", groups);
            var lastLr = PerGroup(values, "_last_lr", groups);
            LoadState(values);
            (last_epoch, _step_count, base_lrs, _lastLr) = (lastEpoch, stepCount, baseLrs, [.. lastLr]);
        }

        /// <summary>Subclass progress to save, as named numbers.</summary>
        protected virtual IEnumerable<(string name, double value)> SavedScalars() => [];

        /// <summary>Restores subclass progress; read values with <see cref="Single"/>.</summary>
        protected virtual void LoadState(IReadOnlyDictionary<string, double[]> values)
        {
        }

        /// <summary>The one value saved under <paramref name="key"/>.</summary>
        protected static double Single(IReadOnlyDictionary<string, double[]> values, string key) =>
            values.TryGetValue(key, out var v) && v.Length == 1 ? v[0]
                : throw new ArgumentException($"load_state_dict: '{key}' is missing or does not hold one number", "state_dict");

        private static List<double> PerGroup(IReadOnlyDictionary<string, double[]> values, string key, int groups) =>
            values.TryGetValue(key, out var v) && v.Length == groups ? [.. v]
                : throw new ArgumentException($"load_state_dict: '{key}' is missing or does not hold one value per parameter group ({groups})", "state_dict");
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Learning-rate schedulers (<c>torch.optim.lr_scheduler</c>); the classes live in <see cref="Schedulers"/>.</summary>
            public static partial class lr_scheduler
            {
            }
        }
    }
}

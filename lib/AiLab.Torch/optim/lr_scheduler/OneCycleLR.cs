using AiLab.Torch.Schedulers;

namespace AiLab.Torch.Schedulers
{
    /// <summary>
    /// The 1cycle policy (<c>torch.optim.lr_scheduler.OneCycleLR</c>, Smith &amp; Topin 2017), stepped after every
    /// batch: the learning rate rises from max_lr / div_factor to max_lr over the first pct_start of the
    /// steps, then anneals to initial_lr / final_div_factor (three_phase: back to the initial rate first,
    /// then down to the minimum). With cycle_momentum, the momentum (SGD, RMSprop) or β₁ (Adam, AdamW) moves
    /// inversely between max_momentum and base_momentum. Not chainable: it overwrites the learning rate.
    /// The groups gain the options "max_lr", "min_lr" and, with cycle_momentum, "max_momentum" and "base_momentum".
    /// </summary>
    public sealed class OneCycleLR : LRScheduler
    {
        private readonly record struct Phase(double EndStep, string StartLr, string EndLr, string StartMomentum, string EndMomentum);

        private readonly Phase[] _phases;
        private readonly string? _momentumKey;

        /// <summary>
        /// Attaches the schedule to <paramref name="optimizer"/> and applies step 0. Give
        /// <paramref name="total_steps"/>, or <paramref name="epochs"/> and <paramref name="steps_per_epoch"/>;
        /// <paramref name="max_lr"/> holds one value for all groups or one per group.
        /// </summary>
        public OneCycleLR(torch.optim.Optimizer optimizer, IReadOnlyList<double> max_lr, int? total_steps = null, int? epochs = null, int? steps_per_epoch = null,
            double pct_start = 0.3, string anneal_strategy = "cos", bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
            double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1)
            : base(Prepare(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, div_factor, final_div_factor,
                cycle_momentum, base_momentum, max_momentum, last_epoch), last_epoch)
        {
            this.total_steps = TotalSteps(total_steps, epochs, steps_per_epoch);
            this.anneal_strategy = anneal_strategy;
            this.cycle_momentum = cycle_momentum;
            this.three_phase = three_phase;
            if (cycle_momentum) _momentumKey = optimizer.defaults.ContainsKey("betas0") ? "betas0" : "momentum";
            // Phase ends as PyTorch computes them: float(pct_start * total_steps) - 1, and so on.
            _phases = three_phase
                ?
                [
                    new(pct_start * this.total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new(2 * pct_start * this.total_steps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                    new(this.total_steps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"),
                ]
                :
                [
                    new(pct_start * this.total_steps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new(this.total_steps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"),
                ];
            initial_step();
        }

        /// <summary>The number of steps in the cycle.</summary>
        public int total_steps { get; }

        /// <summary>"cos" or "linear".</summary>
        public string anneal_strategy { get; }

        /// <summary>True when momentum (or β₁) cycles inversely to the learning rate.</summary>
        public bool cycle_momentum { get; }

        /// <summary>True for the three-phase schedule of the original paper.</summary>
        public bool three_phase { get; }

        private static int TotalSteps(int? total_steps, int? epochs, int? steps_per_epoch) => (total_steps, epochs, steps_per_epoch) switch
        {
            ({ } t, _, _) => t > 0 ? t : throw new ArgumentOutOfRangeException(nameof(total_steps), t, "Expected positive integer total_steps"),
            (null, { } e, { } s) when e > 0 && s > 0 => checked(e * s),
            (null, null, _) or (null, _, null) => throw new ArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)", nameof(total_steps)),
            (null, { } e, { } s) => throw new ArgumentOutOfRangeException(e > 0 ? nameof(steps_per_epoch) : nameof(epochs), e > 0 ? s : e,
                "Expected positive integer epochs and steps_per_epoch"),
        };

        /// <summary>
        /// Validates the arguments, then stores each group's max_lr, initial_lr, min_lr and momentum bounds
        /// (before the base constructor reads initial_lr), so a rejected argument leaves the optimizer unchanged.
        /// </summary>
        private static torch.optim.Optimizer Prepare(torch.optim.Optimizer optimizer, IReadOnlyList<double> max_lr, int? total_steps, int? epochs, int? steps_per_epoch,
            double pct_start, string anneal_strategy, double div_factor, double final_div_factor, bool cycle_momentum, double base_momentum, double max_momentum,
            int last_epoch)
        {
            ArgumentNullException.ThrowIfNull(optimizer);
            ArgumentNullException.ThrowIfNull(max_lr);
            TotalSteps(total_steps, epochs, steps_per_epoch); // throws on invalid counts
            if (!(pct_start >= 0 && pct_start <= 1))
                throw new ArgumentOutOfRangeException(nameof(pct_start), pct_start, "Expected float between 0 and 1 pct_start");
            if (anneal_strategy is not ("cos" or "linear"))
                throw new ArgumentException($"anneal_strategy must be one of 'cos' or 'linear', instead got {anneal_strategy}", nameof(anneal_strategy));
            var groups = optimizer.param_groups;
            if (max_lr.Count != 1 && max_lr.Count != groups.Count)
                throw new ArgumentException($"expected {groups.Count} values for max_lr, got {max_lr.Count}", nameof(max_lr));
            var momentumKey = optimizer.defaults.ContainsKey("betas0") ? "betas0" : optimizer.defaults.ContainsKey("momentum") ? "momentum" : null;
            if (cycle_momentum && momentumKey is null)
                throw new ArgumentException("optimizer must support momentum with `cycle_momentum` option enabled", nameof(cycle_momentum));
            if (last_epoch != -1) return optimizer;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                var max = max_lr[max_lr.Count == 1 ? 0 : g];
                group.initial_lr = max / div_factor;
                group.options["max_lr"] = max;
                group.options["min_lr"] = group.initial_lr / final_div_factor;
                if (!cycle_momentum) continue;
                group.options[momentumKey!] = max_momentum;
                group.options["max_momentum"] = max_momentum;
                group.options["base_momentum"] = base_momentum;
            }
            return optimizer;
        }

        /// <inheritdoc/>
        protected override IReadOnlyList<double> get_lr()
        {
            var step = last_epoch;
            if (step > total_steps)
                throw new InvalidOperationException($"Tried to step {step + 1} times. The specified number of total steps is {total_steps}");
            var lrs = new List<double>();
            foreach (var group in optimizer.param_groups)
            {
                double startStep = 0, lr = 0, momentum = 0;
                for (var i = 0; i < _phases.Length; i++)
                {
                    var phase = _phases[i];
                    if (step <= phase.EndStep || i == _phases.Length - 1)
                    {
                        var pct = (step - startStep) / (phase.EndStep - startStep);
                        lr = Anneal(Value(group, phase.StartLr), Value(group, phase.EndLr), pct);
                        if (cycle_momentum) momentum = Anneal(Value(group, phase.StartMomentum), Value(group, phase.EndMomentum), pct);
                        break;
                    }
                    startStep = phase.EndStep;
                }
                lrs.Add(lr);
                if (cycle_momentum) group.options[_momentumKey!] = momentum;
            }
            return lrs;
        }

        private static double Value(torch.optim.ParamGroup group, string key) => key == "initial_lr" ? group.initial_lr : group.options[key];

        // PyTorch's _annealing_cos and _annealing_linear, same operation order.
        private double Anneal(double start, double end, double pct) => anneal_strategy == "cos"
            ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
            : (end - start) * pct + start;
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
                /// The 1cycle policy, stepped after every batch:
                /// <c>lr_scheduler.OneCycleLR(optimizer, max_lr: 0.1, total_steps: 1000)</c> (or <c>epochs:</c> and <c>steps_per_epoch:</c>).
                /// </summary>
                public static OneCycleLR OneCycleLR(Optimizer optimizer, double max_lr, int? total_steps = null, int? epochs = null, int? steps_per_epoch = null,
                    double pct_start = 0.3, string anneal_strategy = "cos", bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                    double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1) =>
                    new(optimizer, [max_lr], total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum,
                        div_factor, final_div_factor, three_phase, last_epoch);

                /// <summary>The 1cycle policy with one max_lr per parameter group.</summary>
                public static OneCycleLR OneCycleLR(Optimizer optimizer, IReadOnlyList<double> max_lr, int? total_steps = null, int? epochs = null, int? steps_per_epoch = null,
                    double pct_start = 0.3, string anneal_strategy = "cos", bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                    double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1) =>
                    new(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum,
                        div_factor, final_div_factor, three_phase, last_epoch);
            }
        }
    }
}

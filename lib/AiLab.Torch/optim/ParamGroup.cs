namespace AiLab.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// A set of parameters with its own hyper-parameters (<c>optimizer.param_groups[i]</c>). Options not
        /// given fall back to the optimizer's defaults; schedulers change <see cref="lr"/>.
        /// </summary>
        /// <example><code>
        /// var optimizer = new SGD([new optim.ParamGroup(model.features.parameters()),
        ///                          new optim.ParamGroup(model.head.parameters(), lr: 0.1)], lr: 0.01, momentum: 0.9);
        /// </code></example>
        public sealed class ParamGroup
        {
            private double? _initialLr;

            /// <summary>Creates a group; <paramref name="options"/> override the optimizer's defaults (e.g. "lr", "weight_decay").</summary>
            public ParamGroup(IEnumerable<Tensor> parameters, IReadOnlyDictionary<string, double>? options = null)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                this.parameters = parameters.ToList();
                this.options = options is null ? [] : new Dictionary<string, double>(options);
            }

            /// <summary>Creates a group with its own learning rate; other options come from the optimizer's defaults.</summary>
            public ParamGroup(IEnumerable<Tensor> parameters, double lr) : this(parameters, new Dictionary<string, double> { ["lr"] = lr })
            {
            }

            /// <summary>The tensors this group updates.</summary>
            public IReadOnlyList<Tensor> parameters { get; }

            /// <summary>
            /// Hyper-parameters by PyTorch name ("lr", "momentum", "weight_decay", …). Adam's <c>betas</c> are
            /// "betas0" and "betas1"; flags (nesterov, amsgrad, centered, maximize) are 1 or 0. Schedulers add
            /// their own entries (OneCycleLR: "max_lr", "min_lr", "max_momentum", "base_momentum").
            /// </summary>
            public Dictionary<string, double> options { get; }

            /// <summary>The learning rate.</summary>
            public double lr
            {
                get => options["lr"];
                set => options["lr"] = value;
            }

            /// <summary>
            /// The learning rate a scheduler starts from (PyTorch's <c>group['initial_lr']</c>): set by the first
            /// scheduler attached to the optimizer (OneCycleLR sets it to max_lr / div_factor); <see cref="lr"/> until then.
            /// </summary>
            public double initial_lr
            {
                get => _initialLr ?? lr;
                internal set => _initialLr = value;
            }

            /// <summary>True once a scheduler (or a loaded state dict) has set <see cref="initial_lr"/>.</summary>
            internal bool has_initial_lr => _initialLr is not null;

            internal void ClearInitialLr() => _initialLr = null;
        }
    }
}

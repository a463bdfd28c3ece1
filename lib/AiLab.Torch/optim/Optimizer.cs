namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Optimization algorithms (<c>torch.optim</c>).</summary>
    public static partial class optim
    {
        /// <summary>
        /// A set of parameters with its own hyper-parameters (<c>optimizer.param_groups[i]</c>). Options not
        /// given fall back to the optimizer's defaults; schedulers change <see cref="lr"/>.
        /// </summary>
        public sealed class ParamGroup
        {
            /// <summary>Creates a group; <paramref name="options"/> override the optimizer's defaults (e.g. "lr", "weight_decay").</summary>
            public ParamGroup(IEnumerable<Tensor> parameters, IReadOnlyDictionary<string, double>? options = null)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                this.parameters = parameters.ToList();
                this.options = options is null ? [] : new Dictionary<string, double>(options);
            }

            /// <summary>The tensors this group updates.</summary>
            public IReadOnlyList<Tensor> parameters { get; }

            /// <summary>Hyper-parameters by PyTorch name ("lr", "momentum", "weight_decay", "betas0", "betas1", …).</summary>
            public Dictionary<string, double> options { get; }

            /// <summary>The learning rate.</summary>
            public double lr
            {
                get => options["lr"];
                set => options["lr"] = value;
            }

            /// <summary>The learning rate the group started with (schedulers compute from it).</summary>
            public double initial_lr { get; internal set; }
        }

        /// <summary>
        /// Base of the optimizers: holds parameter groups and per-parameter state, and implements
        /// <see cref="zero_grad"/>. Subclasses implement <see cref="step"/>.
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            private readonly List<ParamGroup> _groups = [];

            /// <summary>Creates the optimizer from groups; options missing from a group come from <paramref name="defaults"/>.</summary>
            protected Optimizer(IEnumerable<ParamGroup> groups, IReadOnlyDictionary<string, double> defaults)
            {
                ArgumentNullException.ThrowIfNull(groups);
                this.defaults = new Dictionary<string, double>(defaults);
                foreach (var g in groups) add_param_group(g);
                if (_groups.Count == 0 || _groups.All(g => g.parameters.Count == 0))
                    throw new ArgumentException("optimizer got an empty parameter list", nameof(groups));
            }

            /// <summary>The default hyper-parameters.</summary>
            public IReadOnlyDictionary<string, double> defaults { get; }

            /// <summary>The parameter groups.</summary>
            public IReadOnlyList<ParamGroup> param_groups => _groups;

            /// <summary>Per-parameter state (momentum buffers, moment estimates, step counts), keyed by parameter.</summary>
            protected Dictionary<Tensor, Dictionary<string, Tensor>> state { get; } = new(ReferenceEqualityComparer.Instance);

            /// <summary>Adds a group, filling unspecified options from the defaults.</summary>
            public void add_param_group(ParamGroup group)
            {
                ArgumentNullException.ThrowIfNull(group);
                foreach (var (key, value) in defaults) group.options.TryAdd(key, value);
                var unknown = group.options.Keys.Except(defaults.Keys).ToList();
                if (unknown.Count > 0)
                    throw new ArgumentException($"{GetType().Name} has no option(s) {string.Join(", ", unknown)}; known: {string.Join(", ", defaults.Keys)}", nameof(group));
                var seen = _groups.SelectMany(g => g.parameters).ToHashSet(ReferenceEqualityComparer.Instance);
                if (group.parameters.Any(seen.Contains))
                    throw new ArgumentException("some parameters appear in more than one parameter group", nameof(group));
                group.initial_lr = group.lr;
                _groups.Add(group);
            }

            /// <summary>Updates the parameters from their gradients (parameters without a gradient are skipped).</summary>
            public abstract void step();

            /// <summary>Clears (default) or zeroes the gradients of every parameter.</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in _groups.SelectMany(g => g.parameters))
                {
                    if (set_to_none) { p.grad = null; continue; }
                    using var g = p.grad;
                    g?.zero_();
                }
            }

            /// <summary>True once the parameter has state <paramref name="name"/>.</summary>
            protected bool HasState(Tensor parameter, string name) => state.TryGetValue(parameter, out var e) && e.ContainsKey(name);

            /// <summary>The state tensor <paramref name="name"/> of a parameter, created by <paramref name="create"/> on first use.</summary>
            protected Tensor State(Tensor parameter, string name, Func<Tensor> create)
            {
                if (!state.TryGetValue(parameter, out var entries)) state[parameter] = entries = [];
                if (!entries.TryGetValue(name, out var value))
                {
                    value = create().DetachFromDisposeScope();
                    entries[name] = value;
                }
                return value;
            }

            /// <summary>Frees the optimizer's state tensors (not the parameters).</summary>
            public void Dispose()
            {
                foreach (var t in state.Values.SelectMany(e => e.Values)) t.Dispose();
                state.Clear();
                GC.SuppressFinalize(this);
            }
        }
    }
}

using System.Globalization;
using AiLab.Torch.Optimizers;

namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Optimization algorithms (<c>torch.optim</c>): optimizers and learning-rate schedulers.</summary>
    public static partial class optim
    {
        /// <summary>
        /// Base of the optimizers (<c>torch.optim.Optimizer</c>): holds parameter groups and per-parameter
        /// state, and implements <see cref="zero_grad"/>, <see cref="state_dict"/> and
        /// <see cref="load_state_dict"/>. Subclasses implement the update rule in <see cref="step_group"/>.
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            private readonly List<ParamGroup> _groups = [];
            private readonly Dictionary<Tensor, ParamState> _state = new(ReferenceEqualityComparer.Instance);

            /// <summary>Creates the optimizer from groups; options missing from a group come from <paramref name="defaults"/>.</summary>
            protected Optimizer(IEnumerable<ParamGroup> groups, IReadOnlyDictionary<string, double> defaults)
            {
                ArgumentNullException.ThrowIfNull(groups);
                ArgumentNullException.ThrowIfNull(defaults);
                this.defaults = new Dictionary<string, double>(defaults);
                foreach (var g in groups) add_param_group(g);
                if (_groups.Count == 0 || _groups.All(g => g.parameters.Count == 0))
                    throw new ArgumentException("optimizer got an empty parameter list", nameof(groups));
            }

            /// <summary>The default hyper-parameters (the constructor's arguments).</summary>
            public IReadOnlyDictionary<string, double> defaults { get; }

            /// <summary>The parameter groups.</summary>
            public IReadOnlyList<ParamGroup> param_groups => _groups;

            /// <summary>Per-parameter state (step counts, momentum buffers, moment estimates), keyed by parameter.</summary>
            public IReadOnlyDictionary<Tensor, ParamState> state => _state;

            /// <summary>Adds a group, filling unspecified options from the defaults.</summary>
            public void add_param_group(ParamGroup group)
            {
                ArgumentNullException.ThrowIfNull(group);
                var unknown = group.options.Keys.Except(defaults.Keys).ToList();
                if (unknown.Count > 0)
                    throw new ArgumentException($"{GetType().Name} has no option(s) {string.Join(", ", unknown)}; known: {string.Join(", ", defaults.Keys)}", nameof(group));
                var seen = _groups.SelectMany(g => g.parameters).ToHashSet(ReferenceEqualityComparer.Instance);
                if (group.parameters.Any(seen.Contains) || group.parameters.Distinct(ReferenceEqualityComparer.Instance).Count() != group.parameters.Count)
                    throw new ArgumentException("some parameters appear more than once (in one group or across groups)", nameof(group));
                foreach (var (key, value) in defaults) group.options.TryAdd(key, value);
                _groups.Add(group);
            }

            /// <summary>
            /// Updates the parameters from their gradients (parameters without a gradient are skipped): runs
            /// <see cref="step_group"/> for every group, without autograd, freeing the temporaries.
            /// </summary>
            public virtual void step()
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                foreach (var group in _groups)
                {
                    var (parameters, grads) = ParametersWithGrad(group);
                    if (parameters.Length > 0) step_group(group, parameters, grads);
                }
            }

            /// <summary>
            /// The algorithm: updates one group's <paramref name="parameters"/> in place from <paramref name="grads"/>
            /// (same order; negated already when the group's "maximize" option is set). Runs inside
            /// <see cref="step()"/>'s dispose scope with grad mode off.
            /// </summary>
            protected abstract void step_group(ParamGroup group, Tensor[] parameters, Tensor[] grads);

            /// <summary>
            /// Re-evaluates the loss with <paramref name="closure"/> (with grad mode on; the closure should zero the
            /// gradients and call backward), then takes a step. Returns the closure's loss.
            /// </summary>
            public Tensor step(Func<Tensor> closure)
            {
                ArgumentNullException.ThrowIfNull(closure);
                Tensor loss;
                using (enable_grad()) loss = closure();
                step();
                return loss;
            }

            /// <summary>
            /// Clears the gradients of every parameter (<paramref name="set_to_none"/>, the default, as in PyTorch 2;
            /// PyTorch 1.13's default was false), or sets them to zero in place.
            /// </summary>
            public void zero_grad(bool set_to_none = true)
            {
                var parameters = _groups.SelectMany(g => g.parameters);
                if (set_to_none)
                {
                    foreach (var p in parameters) p.grad = null;
                    return;
                }
                using var scope = NewDisposeScope();
                var grads = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
                if (grads.Length > 0) Foreach.zero_(grads);
            }

            /// <summary>
            /// The optimizer's state as a flat dictionary of tensors (ready for a tensor file such as safetensors),
            /// with PyTorch's numbering: parameters are numbered 0, 1, … across the groups in order.
            /// <list type="bullet">
            /// <item><c>state.{i}.step</c>: int64 scalar, updates applied to parameter i;</item>
            /// <item><c>state.{i}.{buffer}</c>: the buffer (e.g. <c>exp_avg</c>), sharing storage with the optimizer's;</item>
            /// <item><c>param_groups.{g}.params</c>: int64 vector of the group's parameter numbers;</item>
            /// <item><c>param_groups.{g}.{option}</c>: float64 scalar per option (<c>lr</c>, <c>betas0</c>, …, and
            /// <c>initial_lr</c> once a scheduler set it).</item>
            /// </list>
            /// Dispose the tensors (or take the dictionary inside a dispose scope). Restore with
            /// <see cref="load_state_dict"/> into an optimizer built over the same parameters, in the same groups.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var dict = new Dictionary<string, Tensor>();
                var number = 0L;
                for (var g = 0; g < _groups.Count; g++)
                {
                    var group = _groups[g];
                    var numbers = new long[group.parameters.Count];
                    for (var k = 0; k < numbers.Length; k++) numbers[k] = number++;
                    dict[$"param_groups.{g}.params"] = tensor(numbers);
                    foreach (var (key, value) in group.options) dict[$"param_groups.{g}.{key}"] = tensor(value);
                    if (group.has_initial_lr) dict[$"param_groups.{g}.initial_lr"] = tensor(group.initial_lr);
                }
                number = 0;
                foreach (var p in _groups.SelectMany(g => g.parameters))
                {
                    if (_state.TryGetValue(p, out var s))
                    {
                        dict[$"state.{number}.step"] = tensor(s.step);
                        foreach (var (name, buffer) in s.Buffers) dict[$"state.{number}.{name}"] = buffer.detach();
                    }
                    number++;
                }
                return dict;
            }

            /// <summary>
            /// Restores state saved by <see cref="state_dict"/>: group options (including the learning rate) and
            /// copies of the per-parameter buffers, cast to each parameter's dtype and device. The optimizer must
            /// have the same number of groups with the same number of parameters. Nothing changes when it throws.
            /// </summary>
            public void load_state_dict(IReadOnlyDictionary<string, Tensor> state_dict)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                using var scope = NewDisposeScope();
                var saved = SavedOptimizerState.Parse(state_dict, _groups.Count);
                var parameters = _groups.SelectMany(g => g.parameters).ToList();
                var byNumber = new Dictionary<long, Tensor>();
                for (var g = 0; g < _groups.Count; g++)
                {
                    var numbers = saved.Groups[g].Params;
                    if (numbers.Length != _groups[g].parameters.Count)
                        throw new ArgumentException(
                            $"load_state_dict: parameter group {g} has {_groups[g].parameters.Count} parameters, the saved one {numbers.Length}", nameof(state_dict));
                    var missing = defaults.Keys.Where(k => !saved.Groups[g].Options.ContainsKey(k)).ToList();
                    if (missing.Count > 0)
                        throw new ArgumentException($"load_state_dict: param_groups.{g} lacks option(s) {string.Join(", ", missing)}", nameof(state_dict));
                    for (var k = 0; k < numbers.Length; k++) byNumber[numbers[k]] = _groups[g].parameters[k];
                }

                var restored = new Dictionary<Tensor, ParamState>(ReferenceEqualityComparer.Instance);
                try
                {
                    foreach (var (number, entry) in saved.States)
                    {
                        if (!byNumber.TryGetValue(number, out var p))
                            throw new ArgumentException($"load_state_dict: state.{number} names no parameter of param_groups", nameof(state_dict));
                        var s = new ParamState { step = entry.Step };
                        restored[p] = s;
                        foreach (var (name, value) in entry.Buffers)
                        {
                            if (!value.shape.SequenceEqual(p.shape))
                                throw new ArgumentException(
                                    $"load_state_dict: state.{number}.{name} has shape [{string.Join(", ", value.shape)}], its parameter [{string.Join(", ", p.shape)}]", nameof(state_dict));
                            s.Buffer(name, () => value.to(p.device, p.is_floating_point() ? p.dtype : null, copy: true));
                        }
                    }
                }
                catch
                {
                    foreach (var s in restored.Values) s.DisposeBuffers();
                    throw;
                }

                foreach (var s in _state.Values) s.DisposeBuffers();
                _state.Clear();
                foreach (var (p, s) in restored) _state[p] = s;
                for (var g = 0; g < _groups.Count; g++)
                {
                    var group = _groups[g];
                    group.options.Clear();
                    foreach (var (key, value) in saved.Groups[g].Options) group.options[key] = value;
                    if (saved.Groups[g].InitialLr is { } initial) group.initial_lr = initial;
                    else group.ClearInitialLr();
                }
            }

            /// <summary>The state of <paramref name="parameter"/>, created empty on first use.</summary>
            protected ParamState StateOf(Tensor parameter)
            {
                if (!_state.TryGetValue(parameter, out var s)) _state[parameter] = s = new ParamState();
                return s;
            }

            /// <summary>
            /// The group's parameters that have a gradient, and those gradients (new handles in the current dispose
            /// scope), negated when the group's "maximize" option is set.
            /// </summary>
            protected static (Tensor[] parameters, Tensor[] grads) ParametersWithGrad(ParamGroup group)
            {
                ArgumentNullException.ThrowIfNull(group);
                var parameters = new List<Tensor>(group.parameters.Count);
                var grads = new List<Tensor>(group.parameters.Count);
                foreach (var p in group.parameters)
                {
                    if (p.grad is not { } g) continue;
                    parameters.Add(p);
                    grads.Add(g);
                }
                var gradArray = grads.ToArray();
                if (gradArray.Length > 0 && group.options.TryGetValue("maximize", out var maximize) && maximize != 0)
                    gradArray = Foreach.neg(gradArray);
                return (parameters.ToArray(), gradArray);
            }

            /// <summary>Frees the optimizer's state tensors (not the parameters).</summary>
            public void Dispose()
            {
                foreach (var s in _state.Values) s.DisposeBuffers();
                _state.Clear();
                GC.SuppressFinalize(this);
            }

            /// <summary>Describes the optimizer and its groups, like PyTorch's <c>repr</c>.</summary>
            public override string ToString()
            {
                var lines = new List<string> { $"{GetType().Name} (" };
                for (var g = 0; g < _groups.Count; g++)
                {
                    lines.Add($"Parameter Group {g}");
                    foreach (var (key, value) in _groups[g].options.OrderBy(o => o.Key, StringComparer.Ordinal))
                        lines.Add($"    {key}: {value.ToString("G", CultureInfo.InvariantCulture)}");
                }
                lines.Add(")");
                return string.Join("\n", lines);
            }
        }
    }
}

using System.Reflection;
using System.Text;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of every layer and model (<c>torch.nn.Module</c>). Submodules, parameters and buffers are
        /// registered by name: call <see cref="RegisterComponents"/> at the end of a constructor to register
        /// the fields (Module → submodule, Parameter → parameter, other Tensor → buffer), in declaration order.
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            private readonly List<KeyValuePair<string, Parameter?>> _parameters = [];
            private readonly List<KeyValuePair<string, Tensor?>> _buffers = [];
            private readonly HashSet<string> _nonPersistent = [];
            private readonly List<KeyValuePair<string, Module>> _modules = [];

            /// <summary>Creates a module; <paramref name="name"/> is shown by <see cref="ToString"/> (default: the class name).</summary>
            protected Module(string? name = null) => GetName = name ?? GetType().Name;

            /// <summary>The name shown when printing the module tree.</summary>
            public string GetName { get; }

            /// <summary>True in training mode (dropout active, batch norm updating its statistics).</summary>
            public bool training { get; private set; } = true;

            /// <summary>Registers the fields of the concrete class: Module fields as submodules, Parameter fields as
            /// parameters, other Tensor fields as buffers. Names are the field names without a leading <c>_</c>.</summary>
            protected void RegisterComponents()
            {
                for (var type = GetType(); type is not null && type != typeof(Module); type = type.BaseType)
                {
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !field.Name.Contains("k__BackingField")) continue;
                        var name = FieldName(field);
                        switch (field.GetValue(this))
                        {
                            case Module module when !IsRegistered(name):
                                register_module(name, module);
                                break;
                            case Parameter parameter when !IsRegistered(name):
                                register_parameter(name, parameter);
                                break;
                            case Tensor buffer when !IsRegistered(name):
                                register_buffer(name, buffer);
                                break;
                        }
                    }
                }
            }

            private static string FieldName(FieldInfo field)
            {
                var name = field.Name;
                if (name.StartsWith('<') && name.Contains('>')) name = name[1..name.IndexOf('>')]; // auto-property
                return name.TrimStart('_');
            }

            private bool IsRegistered(string name) =>
                _parameters.Any(p => p.Key == name) || _buffers.Any(b => b.Key == name) || _modules.Any(m => m.Key == name);

            private static void CheckName(string name, string kind)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"{kind} name '{name}' must be non-empty and contain no '.'", nameof(name));
            }

            /// <summary>Adds (or replaces) a submodule.</summary>
            public void register_module(string name, Module module)
            {
                CheckName(name, "module");
                ArgumentNullException.ThrowIfNull(module);
                Set(_modules, name, module);
            }

            /// <summary>Adds (or replaces) a parameter; null registers an absent one (e.g. <c>bias=False</c>).</summary>
            public void register_parameter(string name, Parameter? parameter)
            {
                CheckName(name, "parameter");
                Set(_parameters, name, parameter);
            }

            /// <summary>Adds (or replaces) a buffer: state that is not learned (running statistics). Persistent
            /// buffers are part of the state dict.</summary>
            public void register_buffer(string name, Tensor? buffer, bool persistent = true)
            {
                CheckName(name, "buffer");
                buffer?.DetachFromDisposeScope();
                Set(_buffers, name, buffer);
                if (persistent) _nonPersistent.Remove(name);
                else _nonPersistent.Add(name);
            }

            private static void Set<T>(List<KeyValuePair<string, T>> list, string name, T value)
            {
                var index = list.FindIndex(p => p.Key == name);
                if (index >= 0) list[index] = new(name, value);
                else list.Add(new(name, value));
            }

            /// <summary>The direct submodules with their names.</summary>
            public IEnumerable<(string name, Module module)> named_children() => _modules.Select(m => (m.Key, m.Value));

            /// <summary>The direct submodules.</summary>
            public IEnumerable<Module> children() => _modules.Select(m => m.Value);

            /// <summary>This module and every module below it, with dotted names ("" for this one).</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                yield return ("", this);
                foreach (var (childName, child) in named_children())
                    foreach (var (name, module) in child.named_modules())
                        yield return (name.Length == 0 ? childName : $"{childName}.{name}", module);
            }

            /// <summary>This module and every module below it.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>Parameters with dotted names such as <c>fc1.weight</c>, this module's first.</summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                foreach (var (name, p) in _parameters)
                    if (p is not null) yield return (name, p);
                if (!recurse) yield break;
                foreach (var (childName, child) in named_children())
                    foreach (var (name, p) in child.named_parameters())
                        yield return ($"{childName}.{name}", p);
            }

            /// <summary>The learnable parameters (what an optimizer updates).</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Buffers with dotted names.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                foreach (var (name, b) in _buffers)
                    if (b is not null) yield return (name, b);
                if (!recurse) yield break;
                foreach (var (childName, child) in named_children())
                    foreach (var (name, b) in child.named_buffers())
                        yield return ($"{childName}.{name}", b);
            }

            /// <summary>The buffers.</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>Number of elements in the parameters (only those that require grad with <paramref name="trainable_only"/>).</summary>
            public long num_parameters(bool trainable_only = false) =>
                parameters().Where(p => !trainable_only || p.requires_grad).Sum(p => p.numel());

            /// <summary>
            /// Parameters and persistent buffers by dotted name. The tensors share storage with the module's
            /// (detached from autograd); dispose them or take the dict inside a dispose scope.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var dict = new Dictionary<string, Tensor>();
                foreach (var (name, module) in named_modules())
                {
                    var prefix = name.Length == 0 ? "" : name + ".";
                    foreach (var (p, value) in module._parameters)
                        if (value is not null) dict[prefix + p] = value.detach();
                    foreach (var (b, value) in module._buffers)
                        if (value is not null && !module._nonPersistent.Contains(b)) dict[prefix + b] = value.detach();
                }
                return dict;
            }

            /// <summary>
            /// Copies values from <paramref name="state"/> into the parameters and buffers. With
            /// <paramref name="strict"/>, missing or unexpected keys throw; shape mismatches always throw.
            /// Returns the keys that were missing and unexpected.
            /// </summary>
            public (IReadOnlyList<string> missing_keys, IReadOnlyList<string> unexpected_keys) load_state_dict(
                IReadOnlyDictionary<string, Tensor> state, bool strict = true)
            {
                ArgumentNullException.ThrowIfNull(state);
                using var own = NewDisposeScope();
                var targets = state_dict();
                var missing = targets.Keys.Where(k => !state.ContainsKey(k)).ToList();
                var unexpected = state.Keys.Where(k => !targets.ContainsKey(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new ArgumentException(
                        $"load_state_dict: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", unexpected)}]", nameof(state));
                foreach (var (key, target) in targets)
                {
                    if (!state.TryGetValue(key, out var source)) continue;
                    if (!target.shape.SequenceEqual(source.shape))
                        throw new ArgumentException(
                            $"load_state_dict: size mismatch for {key}: the file has [{string.Join(", ", source.shape)}], the model has [{string.Join(", ", target.shape)}]", nameof(state));
                    using (no_grad()) target.copy_(source);
                }
                return (missing, unexpected);
            }

            /// <summary>Sets training mode on this module and all below it. Returns this module.</summary>
            public virtual Module train(bool mode = true)
            {
                foreach (var m in modules()) m.training = mode;
                return this;
            }

            /// <summary>Sets evaluation mode (<c>train(false)</c>).</summary>
            public Module eval() => train(false);

            /// <summary>Clears (default) or zeroes the gradients of every parameter.</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none) { p.grad = null; continue; }
                    using var g = p.grad;
                    g?.zero_();
                }
            }

            /// <summary>Moves parameters and buffers to a device, keeping them the same objects.</summary>
            public Module to(Device device) => Apply(t => t.to(device));

            /// <summary>Converts floating parameters and buffers to a dtype.</summary>
            public Module to(ScalarType dtype) => Apply(t => t.is_floating_point() ? t.to(dtype) : t.alias());

            /// <summary>Moves to the CPU.</summary>
            public Module cpu() => to(Device.CPU);

            /// <summary>Moves to a CUDA device.</summary>
            public Module cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

            private Module Apply(Func<Tensor, Tensor> convert)
            {
                using var scope = NewDisposeScope();
                foreach (var module in modules())
                {
                    foreach (var (_, p) in module._parameters)
                    {
                        if (p is null) continue;
                        p.set_data(convert(p.detach()));
                        using var g = p.grad;
                        if (g is not null) p.grad = convert(g).DetachFromDisposeScope();
                    }
                    foreach (var (_, b) in module._buffers)
                        b?.set_data(convert(b.detach()));
                }
                return this;
            }

            /// <summary>Disposes the parameters, buffers and submodules.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Releases native tensors; override to free extra state.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (!disposing) return;
                foreach (var (_, p) in _parameters) p?.Dispose();
                foreach (var (_, b) in _buffers) b?.Dispose();
                foreach (var (_, m) in _modules) m.Dispose();
            }

            /// <summary>Extra text inside the parentheses of this module's line, e.g. <c>in_features=10, out_features=5</c>.</summary>
            protected virtual string extra_repr() => "";

            /// <summary>The module tree as PyTorch prints it, followed by the parameter count.</summary>
            public override string ToString() => $"{Repr()}\nparameters: {num_parameters():N0} ({num_parameters(trainable_only: true):N0} trainable)";

            private string Repr()
            {
                var sb = new StringBuilder(GetName).Append('(').Append(extra_repr());
                if (_modules.Count > 0)
                {
                    sb.Append('\n');
                    foreach (var (name, child) in _modules)
                        sb.Append("  (").Append(name).Append("): ").Append(child.Repr().Replace("\n", "\n  ")).Append('\n');
                }
                else if (_parameters.Count > 0 && extra_repr().Length == 0)
                {
                    sb.Append(string.Join(", ", _parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}: [{string.Join(", ", p.Value!.shape)}]")));
                }
                return sb.Append(')').ToString();
            }
        }

        /// <summary>A module with one input (<c>forward(x)</c>).</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>Creates a module.</summary>
            protected Module(string? name = null) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (Python's <c>module(x)</c>).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with two inputs.</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>Creates a module.</summary>
            protected Module(string? name = null) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        /// <summary>A module with three inputs.</summary>
        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            /// <summary>Creates a module.</summary>
            protected Module(string? name = null) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3) => forward(input1, input2, input3);
        }
    }
}

using AiLab.Torch.Modules;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Modules
{
    /// <summary>Runs its modules in order, each one's output the next one's input. Submodules are named
    /// "0", "1", … unless given names.</summary>
    public sealed class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.Module<Tensor, Tensor>> _layers = [];

        /// <summary>Creates the container from named modules.</summary>
        public Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> module)> modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) append(name, module);
        }

        /// <summary>Appends a module named by its position.</summary>
        public Sequential append(nn.Module<Tensor, Tensor> module) => append(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

        /// <summary>Appends a named module.</summary>
        public Sequential append(string name, nn.Module<Tensor, Tensor> module)
        {
            register_module(name, module);
            _layers.Add(module);
            return this;
        }

        /// <summary>Number of modules.</summary>
        public int Count => _layers.Count;

        /// <summary>The module at a position.</summary>
        public nn.Module<Tensor, Tensor> this[int index] => _layers[index];

        /// <summary>Applies every module in turn; intermediate results are disposed.</summary>
        public override Tensor forward(Tensor input)
        {
            var x = input;
            foreach (var layer in _layers)
            {
                var next = layer.forward(x);
                // Intermediates are ours to free; the caller's input is not.
                if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next)) x.Dispose();
                x = next;
            }
            return ReferenceEquals(x, input) ? x.alias() : x;
        }
    }

    /// <summary>Holds modules in a list so they are registered (<c>nn.ModuleList</c>); no forward of its own.</summary>
    public sealed class ModuleList<T> : nn.Module, IReadOnlyList<T> where T : nn.Module
    {
        private readonly List<T> _items = [];

        /// <summary>Creates the list.</summary>
        public ModuleList(IEnumerable<T> modules) : base("ModuleList")
        {
            foreach (var m in modules) append(m);
        }

        /// <summary>Appends a module, named by its position.</summary>
        public ModuleList<T> append(T module)
        {
            register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
            _items.Add(module);
            return this;
        }

        /// <inheritdoc/>
        public T this[int index] => _items[index];
        /// <inheritdoc/>
        public int Count => _items.Count;
        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace AiLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A chain of modules: <c>nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))</c>.</summary>
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
                new(modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)));

            /// <summary>A chain of named modules: <c>nn.Sequential(("fc1", nn.Linear(4, 8)), ("act", nn.ReLU()))</c>.</summary>
            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

            /// <summary>A registered list of modules.</summary>
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        }
    }
}

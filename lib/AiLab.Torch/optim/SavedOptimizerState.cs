using System.Globalization;

namespace AiLab.Torch.Optimizers;

/// <summary>
/// The flat dictionary written by <see cref="torch.optim.Optimizer.state_dict"/>, parsed back into groups
/// and per-parameter entries. Every key is checked; a malformed one throws naming it.
/// </summary>
internal sealed class SavedOptimizerState
{
    internal sealed class Group
    {
        internal long[] Params = [];
        internal readonly Dictionary<string, double> Options = [];
        internal double? InitialLr;
    }

    internal sealed class Entry
    {
        internal long Step;
        internal readonly Dictionary<string, Tensor> Buffers = [];
    }

    internal List<Group> Groups { get; } = [];
    internal SortedDictionary<long, Entry> States { get; } = [];

    /// <summary>Parses <paramref name="dict"/>, expecting <paramref name="groupCount"/> parameter groups.</summary>
    internal static SavedOptimizerState Parse(IReadOnlyDictionary<string, Tensor> dict, int groupCount)
    {
        var result = new SavedOptimizerState();
        var groups = new SortedDictionary<int, Group>();
        foreach (var (key, value) in dict)
        {
            ArgumentNullException.ThrowIfNull(value, $"state_dict[\"{key}\"]");
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || parts[2].Length == 0)
                throw Malformed(key);
            switch (parts[0])
            {
                case "param_groups" when index < int.MaxValue:
                    var group = groups.TryGetValue((int)index, out var g) ? g : groups[(int)index] = new Group();
                    switch (parts[2])
                    {
                        case "params":
                            using (var numbers = value.to(torch.int64)) group.Params = numbers.ToArray<long>();
                            break;
                        case "initial_lr":
                            group.InitialLr = Scalar(key, value);
                            break;
                        default:
                            group.Options[parts[2]] = Scalar(key, value);
                            break;
                    }
                    break;
                case "state":
                    var entry = result.States.TryGetValue(index, out var e) ? e : result.States[index] = new Entry();
                    if (parts[2] == "step") entry.Step = (long)Scalar(key, value);
                    else entry.Buffers[parts[2]] = value;
                    break;
                default:
                    throw Malformed(key);
            }
        }
        if (groups.Count != groupCount || groups.Keys.Any(k => k >= groupCount))
            throw new ArgumentException(
                $"load_state_dict: the saved state has {groups.Count} parameter group(s) (numbered {string.Join(", ", groups.Keys)}), the optimizer {groupCount}", nameof(dict));
        result.Groups.AddRange(groups.Values);
        return result;
    }

    private static double Scalar(string key, Tensor value) => value.numel() == 1
        ? value.item<double>()
        : throw new ArgumentException($"load_state_dict: {key} must hold one number, it has shape [{string.Join(", ", value.shape)}]", "state_dict");

    private static ArgumentException Malformed(string key) =>
        new($"load_state_dict: unexpected key '{key}' (expected state.<i>.<name> or param_groups.<g>.<option>)", "state_dict");
}

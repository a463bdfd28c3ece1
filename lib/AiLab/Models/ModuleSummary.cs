using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Models;

/// <summary>
/// What TorchSharp's <c>Module</c> lacks next to PyTorch and Keras: a parameter count and a per-layer summary
/// (PyTorch users write <c>sum(p.numel() for p in model.parameters())</c> or print the model).
/// </summary>
public static class ModuleSummary
{
    /// <summary>Number of scalar parameters, all of them or only those that require gradients.</summary>
    public static long ParameterCount(this nn.Module module, bool trainableOnly = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());
    }

    /// <summary>
    /// One line per direct child (name, type, parameters, trainable parameters) and a total, e.g.
    /// <c>conv1  Conv2d  160  160</c>. Parameters registered on the module itself appear as "(own)".
    /// </summary>
    public static string Summary(this nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var rows = new List<(string Name, string Type, long All, long Trainable)>();
        foreach (var (name, child) in module.named_children())
            rows.Add((name, child.GetType().Name, child.ParameterCount(), child.ParameterCount(trainableOnly: true)));
        var own = module.named_parameters(recurse: false).Select(p => p.parameter).ToList();
        if (own.Count > 0)
            rows.Add(("(own)", "Parameter", own.Sum(p => p.numel()), own.Where(p => p.requires_grad).Sum(p => p.numel())));
        rows.Add(("total", module.GetType().Name, module.ParameterCount(), module.ParameterCount(trainableOnly: true)));

        int nameWidth = Math.Max(5, rows.Max(r => r.Name.Length)), typeWidth = Math.Max(4, rows.Max(r => r.Type.Length));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"layer".PadRight(nameWidth)}  {"type".PadRight(typeWidth)}  {"parameters",12}  {"trainable",12}");
        foreach (var (name, type, all, trainable) in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"{name.PadRight(nameWidth)}  {type.PadRight(typeWidth)}  {all,12:N0}  {trainable,12:N0}");
        return text.ToString().TrimEnd();
    }
}

namespace AiLab.Torch.Optimizers;

/// <summary>The argument checks PyTorch's optimizers make, with PyTorch's wording.</summary>
internal static class OptimizerChecks
{
    /// <summary>Throws unless 0 ≤ value ("Invalid learning rate: -1").</summary>
    internal static void NonNegative(double value, string name, string what)
    {
        if (!(value >= 0)) throw new ArgumentOutOfRangeException(name, value, $"Invalid {what}: {value}");
    }

    /// <summary>Throws unless 0 ≤ value &lt; 1 (Adam's betas).</summary>
    internal static void Beta(double value, int index, string name)
    {
        if (!(value >= 0 && value < 1)) throw new ArgumentOutOfRangeException(name, value, $"Invalid beta parameter at index {index}: {value}");
    }
}

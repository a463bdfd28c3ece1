namespace AiLab.Torch;

public static partial class torch
{
    /// <summary>Neural-network building blocks (<c>torch.nn</c>): modules, parameters, initialization, functional forms.</summary>
    public static partial class nn
    {
    }
}

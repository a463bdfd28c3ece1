namespace AiLab.Torch.Tests.data;

/// <summary>Leak checks on <see cref="Tensor.LiveCount"/>, which is process-wide.</summary>
internal static class LiveTensors
{
    /// <summary>
    /// The live count once earlier tests' dropped tensors are finalized, so that a finalizer running during the
    /// checked code cannot lower the count: measure this before, <see cref="Tensor.LiveCount"/> right after.
    /// </summary>
    internal static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.LiveCount;
    }
}

namespace AiLab.Torch;

/// <summary>Lets a batch be unpacked like a Python tuple: <c>foreach (var (x, y) in loader)</c>.</summary>
public static class BatchDeconstruction
{
    /// <summary>Unpacks a two-tensor batch.</summary>
    public static void Deconstruct(this Tensor[] batch, out Tensor first, out Tensor second)
    {
        CheckLength(batch, 2);
        (first, second) = (batch[0], batch[1]);
    }

    /// <summary>Unpacks a three-tensor batch.</summary>
    public static void Deconstruct(this Tensor[] batch, out Tensor first, out Tensor second, out Tensor third)
    {
        CheckLength(batch, 3);
        (first, second, third) = (batch[0], batch[1], batch[2]);
    }

    private static void CheckLength(Tensor[] batch, int expected)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Length != expected)
            throw new ArgumentException($"cannot unpack a batch of {batch.Length} tensors into {expected} variables", nameof(batch));
    }
}

namespace AiLab.Torch.Serialization;

/// <summary>One tensor's entry in a safetensors header: where its bytes are in the data section.</summary>
/// <param name="Name">The tensor's name (a state-dict key such as <c>fc1.weight</c>).</param>
/// <param name="DType">Its element type.</param>
/// <param name="Shape">Its sizes ([] for a scalar).</param>
/// <param name="Begin">First byte, relative to the start of the data section.</param>
/// <param name="End">One past the last byte.</param>
public sealed record SafeTensorInfo(string Name, ScalarType DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements.</summary>
    public long Numel => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Number of data bytes.</summary>
    public long ByteCount => End - Begin;
}

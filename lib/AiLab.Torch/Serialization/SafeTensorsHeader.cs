namespace AiLab.Torch.Serialization;

/// <summary>
/// What a safetensors file holds besides the tensor data: each tensor's dtype, shape and byte range (in
/// file order), and the free-form <c>__metadata__</c> strings.
/// </summary>
public sealed class SafeTensorsHeader
{
    internal SafeTensorsHeader(IReadOnlyList<SafeTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Tensors = tensors;
        Metadata = metadata;
        DataStart = dataStart;
    }

    /// <summary>The tensors, ordered by their position in the data section.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The <c>__metadata__</c> entries (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>File offset of the data section: 8 + the header length.</summary>
    public long DataStart { get; }
}

namespace AiLab.Models;

/// <summary>One tensor's entry in a safetensors header.</summary>
/// <param name="Name">The tensor's key (a state_dict name such as <c>net.0.weight</c>).</param>
/// <param name="Dtype">The safetensors dtype name: F64, F32, F16, BF16, I64, I32, I16, I8, U8 or BOOL.</param>
/// <param name="Shape">The shape (row-major, C order); empty for a scalar.</param>
/// <param name="Begin">First byte of the data, relative to the start of the byte buffer after the header.</param>
/// <param name="End">One past the last byte; End − Begin = product(Shape) × element size.</param>
public sealed record SafeTensorInfo(string Name, string Dtype, long[] Shape, long Begin, long End);

/// <summary>The parsed header of a safetensors file.</summary>
/// <param name="HeaderLength">N, the header's length in bytes (the little-endian u64 in the first 8 bytes).</param>
/// <param name="Metadata">The <c>__metadata__</c> string → string map (empty when the file has none).</param>
/// <param name="Tensors">The tensors, ordered by their data offsets.</param>
/// <param name="Json">The header text as stored (UTF-8 decoded, trailing padding included).</param>
public sealed record SafeTensorsHeader(long HeaderLength, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<SafeTensorInfo> Tensors, string Json)
{
    /// <summary>Total file size the header implies: 8 + N + the end of the last tensor.</summary>
    public long FileLength => 8 + HeaderLength + (Tensors.Count == 0 ? 0 : Tensors[^1].End);
}

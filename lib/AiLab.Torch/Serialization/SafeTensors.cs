using System.Buffers;
using System.Buffers.Binary;
using static AiLab.Torch.torch;

namespace AiLab.Torch.Serialization;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors), which Python's
/// <c>safetensors</c> and Hugging Face tools read: an 8-byte little-endian header length N, N bytes of JSON
/// <c>{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {str: str}}</c> padded with spaces to a
/// multiple of 8, then every tensor's elements, row-major and little-endian, back to back.
/// </summary>
/// <remarks>
/// Writing is atomic (a temporary file in the same folder, renamed over the target), so a crash never leaves a
/// half-written file. Reading validates the whole header before touching the data and rejects anything the
/// format does not allow (see <see cref="ReadHeader(string)"/>) with an <see cref="InvalidDataException"/> that
/// names the file and the problem.
/// </remarks>
public static class SafeTensors
{
    /// <summary>The reference implementation's limit on the header size (protects against absurd lengths).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    // Large tensors move through a buffer of this size rather than one array of their whole size.
    private const int ChunkBytes = 16 << 20;

    /// <summary>Writes <paramref name="tensors"/> (and optional string <paramref name="metadata"/>) to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"cannot save {full}: the folder {folder} does not exist");
        // The temporary file sits in the same folder, so the final rename stays on one file system (atomic).
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(tensors, file, metadata);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Keep the original error; a leftover temporary file is harmless.
            }
            throw;
        }
    }

    /// <summary>Writes the safetensors bytes of <paramref name="tensors"/> to a stream.</summary>
    public static void Write(IReadOnlyDictionary<string, Tensor> tensors, Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(stream);
        CheckLittleEndian();
        foreach (var (name, tensor) in tensors)
        {
            if (name == SafeTensorsHeaderParser.MetadataKey) throw new ArgumentException($"'{name}' is reserved for the metadata and cannot name a tensor", nameof(tensors));
            if (tensor is null) throw new ArgumentException($"tensor '{name}' is null", nameof(tensors));
        }
        var ordered = SafeTensorsHeaderWriter.Order(tensors);
        var header = SafeTensorsHeaderWriter.Build(ordered, metadata);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            foreach (var entry in ordered) WriteData(entry.Tensor, stream, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void WriteData(Tensor tensor, Stream stream, byte[] buffer)
    {
        var elementSize = tensor.element_size();
        var numel = tensor.numel();
        if (numel * elementSize <= buffer.Length)
        {
            var bytes = buffer.AsSpan(0, (int)(numel * elementSize));
            TensorBytes.CopyTo(tensor, bytes);
            stream.Write(bytes);
            return;
        }
        using var scope = NewDisposeScope();
        var flat = tensor.detach().reshape(-1);
        var chunk = buffer.Length / elementSize;
        for (long start = 0; start < numel; start += chunk)
        {
            var count = Math.Min(chunk, numel - start);
            var bytes = buffer.AsSpan(0, (int)(count * elementSize));
            using var part = flat.narrow(0, start, count);
            TensorBytes.CopyTo(part, bytes);
            stream.Write(bytes);
        }
    }

    /// <summary>Reads every tensor of a safetensors file, in file order, onto <paramref name="device"/> (default CPU).
    /// The caller owns the tensors (they join the current dispose scope, if any).</summary>
    public static Dictionary<string, Tensor> Load(string path, Device? device = null) => Load(path, out _, device);

    /// <summary>Reads every tensor and the <c>__metadata__</c> strings of a safetensors file.</summary>
    public static Dictionary<string, Tensor> Load(string path, out IReadOnlyDictionary<string, string> metadata, Device? device = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(file, out metadata, device, path);
    }

    /// <summary>Reads every tensor and the metadata from a seekable stream holding a safetensors file.</summary>
    /// <param name="stream">Positioned at the start of the safetensors bytes, which run to the end of the stream.</param>
    /// <param name="metadata">The <c>__metadata__</c> strings.</param>
    /// <param name="device">Where to put the tensors (default CPU).</param>
    /// <param name="source">A name for the stream in error messages.</param>
    public static Dictionary<string, Tensor> Read(Stream stream, out IReadOnlyDictionary<string, string> metadata, Device? device = null, string source = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream, source);
        metadata = header.Metadata;
        var result = new Dictionary<string, Tensor>();
        var start = stream.Position - header.DataStart;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            foreach (var info in header.Tensors)
            {
                stream.Position = start + header.DataStart + info.Begin;
                result[info.Name] = ReadData(stream, info, buffer, device, source);
            }
        }
        catch
        {
            foreach (var t in result.Values) t.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return result;
    }

    private static Tensor ReadData(Stream stream, SafeTensorInfo info, byte[] buffer, Device? device, string source)
    {
        var elementSize = info.DType.ElementSize();
        Tensor cpu;
        if (info.ByteCount <= buffer.Length)
        {
            var bytes = buffer.AsSpan(0, (int)info.ByteCount);
            Fill(stream, bytes, info, source);
            cpu = TensorBytes.From(bytes, info.DType, info.Shape);
        }
        else
        {
            cpu = empty(info.Shape, info.DType);
            try
            {
                using var flat = cpu.view(-1);
                var chunk = buffer.Length / elementSize;
                for (long start = 0; start < info.Numel; start += chunk)
                {
                    var count = Math.Min(chunk, info.Numel - start);
                    var bytes = buffer.AsSpan(0, (int)(count * elementSize));
                    Fill(stream, bytes, info, source);
                    using var part = TensorBytes.From(bytes, info.DType, [count]);
                    using var target = flat.narrow(0, start, count);
                    target.copy_(part);
                }
            }
            catch
            {
                cpu.Dispose();
                throw;
            }
        }
        if (device is null || device == cpu.device) return cpu;
        using (cpu) return cpu.to(device);
    }

    private static void Fill(Stream stream, Span<byte> bytes, SafeTensorInfo info, string source)
    {
        stream.ReadExactly(bytes);
        // libtorch's bool must be 0 or 1; any other byte would make comparisons undefined.
        if (info.DType == ScalarType.Bool && bytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
            throw SafeTensorsHeaderParser.Error(source, $"BOOL tensor '{info.Name}' holds the byte {bytes[bad]}, not 0 or 1");
    }

    /// <summary>
    /// Reads and validates a file's header without loading tensor data: a valid UTF-8 JSON object without duplicate
    /// keys, known dtypes, non-negative integer shapes and offsets, string metadata, and byte ranges that tile the data
    /// section exactly. Throws <see cref="InvalidDataException"/> naming the file and the problem.
    /// </summary>
    public static SafeTensorsHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadHeader(file, path);
    }

    /// <summary>Reads and validates the header at the stream's position; leaves the stream at the start of the data section.</summary>
    public static SafeTensorsHeader ReadHeader(Stream stream, string source = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("safetensors needs a seekable stream (the header is validated against the total length)", nameof(stream));
        CheckLittleEndian();
        var available = stream.Length - stream.Position;
        if (available < 8) throw SafeTensorsHeaderParser.Error(source, $"the file has {available} bytes, fewer than the 8-byte header length (truncated or not safetensors)");
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (length > MaxHeaderBytes)
            throw SafeTensorsHeaderParser.Error(source, $"the header length {length} exceeds the {MaxHeaderBytes}-byte limit (corrupt or not safetensors)");
        if ((long)length > available - 8)
            throw SafeTensorsHeaderParser.Error(source, $"the header length {length} runs past the end of the file ({available} bytes; truncated?)");
        var json = new byte[length];
        stream.ReadExactly(json);
        return SafeTensorsHeaderParser.Parse(json, 8 + (long)length, available - 8 - (long)length, source);
    }

    private static void CheckLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors stores little-endian data; this platform is big-endian");
    }
}

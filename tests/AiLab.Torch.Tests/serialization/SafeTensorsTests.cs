using System.Buffers.Binary;
using System.Text;
using AiLab.Torch.Serialization;

namespace AiLab.Torch.Tests.serialization;

/// <summary>
/// safetensors: bit-exact round trips of every dtype, byte-identical output to the reference implementation's own
/// test vectors, a hand-built reference file, files checked by an independent reader of the spec, and rejection of
/// corrupted files with messages naming the file and the problem.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ailab-safetensors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static byte[] RawBytes(Tensor t)
    {
        var bytes = new byte[t.numel() * t.element_size()];
        TensorBytes.CopyTo(t, bytes);
        return bytes;
    }

    private static Dictionary<string, Tensor> EveryDtype() => new()
    {
        // NaN with a payload, signed zero, infinities, a subnormal: all must survive bit for bit.
        ["f32"] = tensor(new[] { 1.5f, -0f, BitConverter.Int32BitsToSingle(0x7FC00123), float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue }),
        ["f64"] = tensor(new[] { Math.PI, -0.0, BitConverter.Int64BitsToDouble(0x7FF8000000000ABC), double.NegativeInfinity, double.Epsilon, -1e308 }, [2, 3]),
        ["f16"] = tensor(new[] { (Half)1.5f, (Half)(-0f), Half.NaN, Half.PositiveInfinity, Half.Epsilon, Half.MaxValue }),
        ["bf16"] = tensor(new[] { (BFloat16)1.5f, (BFloat16)(-3.25e20f), (BFloat16)float.NaN, (BFloat16)1e-40f }),
        ["i64"] = tensor(new[] { long.MinValue, -1L, 0L, long.MaxValue }, [2, 2]),
        ["i32"] = tensor(new[] { int.MinValue, -7, int.MaxValue }),
        ["i16"] = tensor(new short[] { short.MinValue, -2, short.MaxValue }),
        ["i8"] = tensor(new sbyte[] { sbyte.MinValue, -1, sbyte.MaxValue }),
        ["u8"] = tensor(new byte[] { 0, 128, 255 }),
        ["bool"] = tensor(new[] { true, false, true, true }, [2, 2]),
        ["scalar"] = tensor(3.25),
        ["empty"] = zeros([0, 3]),
        // A transposed (non-contiguous) view is written in its own row-major order.
        ["transposed"] = arange(12, dtype: float32).reshape(3, 4).t(),
    };

    [Fact]
    public void SaveLoad_EveryDtype_RoundTripsBitForBit()
    {
        using var scope = NewDisposeScope();
        var original = EveryDtype();
        save(original, PathOf("all.safetensors"));
        var loaded = load(PathOf("all.safetensors"));

        Assert.Equal(original.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, expected) in original)
        {
            var actual = loaded[name];
            Assert.Equal(expected.dtype, actual.dtype);
            Assert.Equal(expected.shape, actual.shape);
            Assert.Equal(RawBytes(expected), RawBytes(actual));
        }
    }

    [Fact]
    public void Save_EveryDtype_ParsesWithIndependentSpecReader()
    {
        using var scope = NewDisposeScope();
        var original = EveryDtype();
        save(original, PathOf("all.safetensors"), new Dictionary<string, string> { ["format"] = "pt" });

        var (tensors, metadata) = SpecReader.Read(File.ReadAllBytes(PathOf("all.safetensors")));
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt" }, metadata);
        string[] dtypes = ["F32", "F64", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL", "F64", "F32", "F32"];
        Assert.Equal(dtypes, original.Keys.Select(k => tensors[k].DType));
        foreach (var (name, expected) in original)
        {
            Assert.Equal(expected.shape, tensors[name].Shape);
            Assert.Equal(RawBytes(expected), tensors[name].Data);
        }
    }

    // The reference implementation's serialization tests (safetensors/src/tensor.rs): the same tensors must give
    // the same bytes, so Python's safetensors and ours write identical files.
    public static TheoryData<string, string, string?> ReferenceVectors() => new()
    {
        { "attn.0", "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}", null },
        { "attn0", "{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ", null },
        { "", "{}      ", null },
        { "", "{\"__metadata__\":{\"framework\":\"pt\"}}     ", "pt" },
    };

    [Theory]
    [MemberData(nameof(ReferenceVectors))]
    public void Write_MatchesReferenceImplementationBytes(string name, string header, string? framework)
    {
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        if (name == "attn.0") tensors[name] = arange(6, dtype: float32).reshape(1, 2, 3);
        if (name == "attn0") tensors[name] = arange(6, dtype: float32).reshape(1, 1, 2, 3);
        var metadata = framework is null ? null : new Dictionary<string, string> { ["framework"] = framework };
        using var stream = new MemoryStream();
        SafeTensors.Write(tensors, stream, metadata);

        var expected = new List<byte>();
        expected.AddRange(BitConverter.GetBytes((ulong)header.Length));
        expected.AddRange(Encoding.UTF8.GetBytes(header));
        if (tensors.Count > 0)
            foreach (var v in new[] { 0f, 1f, 2f, 3f, 4f, 5f }) expected.AddRange(BitConverter.GetBytes(v));
        Assert.Equal(expected.ToArray(), stream.ToArray());
    }

    [Fact]
    public void Write_OrdersLikeReferenceWriter_WidestDtypeFirstThenName()
    {
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>
        {
            ["b"] = ones([1], dtype: uint8),
            ["z"] = ones([1], dtype: float32),
            ["a"] = ones([1], dtype: float32),
            ["m"] = ones([1], dtype: int64),
        };
        using var stream = new MemoryStream();
        SafeTensors.Write(tensors, stream);
        var header = SafeTensors.ReadHeader(new MemoryStream(stream.ToArray()));
        Assert.Equal(["m", "a", "z", "b"], header.Tensors.Select(t => t.Name));
        Assert.Equal([0L, 8, 12, 16], header.Tensors.Select(t => t.Begin));
    }

    [Fact]
    public void Read_HandBuiltReferenceFile_GivesItsTensorsAndMetadata()
    {
        // Built byte by byte from the spec: entries out of offset order, whitespace and \u escapes in the JSON.
        const string header = """
            { "__metadata__" : { "source" : "hand-built", "note": "a\"b" },
              "w\u00e9ight": {"shape": [2, 2], "dtype": "F32", "data_offsets": [8, 24]},
              "step": {"dtype": "I64", "shape": [], "data_offsets": [0, 8]},
              "mask": {"dtype": "BOOL", "shape": [3], "data_offsets": [28, 31]},
              "half": {"dtype": "BF16", "shape": [2], "data_offsets": [24, 28]},
              "none": {"dtype": "F64", "shape": [0, 4], "data_offsets": [31, 31]} }
            """;
        var data = new byte[31];
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(0), -42);
        float[] weight = [1f, -2.5f, 1e-3f, 7f];
        for (var k = 0; k < 4; k++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(8 + 4 * k), weight[k]);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(24), 0x3FC0); // bfloat16 1.5
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(26), 0xC020); // bfloat16 −2.5
        data[28] = 1; data[29] = 0; data[30] = 1;
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var file = BitConverter.GetBytes((ulong)headerBytes.Length).Concat(headerBytes).Concat(data).ToArray();

        using var scope = NewDisposeScope();
        var tensors = SafeTensors.Read(new MemoryStream(file), out var metadata);
        Assert.Equal(["step", "wéight", "half", "mask", "none"], tensors.Keys);
        Assert.Equal("hand-built", metadata["source"]);
        Assert.Equal("a\"b", metadata["note"]);
        Assert.Equal(-42, tensors["step"].item<long>());
        Assert.Empty(tensors["step"].shape);
        Assert.Equal(weight, tensors["wéight"].ToArray<float>());
        Assert.Equal([2L, 2], tensors["wéight"].shape);
        Assert.Equal([1.5f, -2.5f], tensors["half"].to(float32).ToArray<float>());
        Assert.Equal([true, false, true], tensors["mask"].ToArray<bool>());
        Assert.Equal([0L, 4], tensors["none"].shape);
        Assert.Equal(ScalarType.Float64, tensors["none"].dtype);
    }

    [Fact]
    public void Metadata_AndNamesWithEscapesAndUnicode_RoundTrip()
    {
        using var scope = NewDisposeScope();
        var metadata = new Dictionary<string, string> { ["note"] = "line1\nline2 \"quoted\" \\ tab\t ctrl\u0001 é 中文 🙂", ["empty"] = "" };
        var name = "emb.中文\"\\🙂";
        save(new Dictionary<string, Tensor> { [name] = ones(2) }, PathOf("meta.safetensors"), metadata);

        var loaded = load(PathOf("meta.safetensors"), out var read);
        Assert.Equal(metadata, read);
        Assert.Equal([name], loaded.Keys);
        Assert.Equal(metadata, SafeTensors.ReadHeader(PathOf("meta.safetensors")).Metadata);
        var (tensors, specMetadata) = SpecReader.Read(File.ReadAllBytes(PathOf("meta.safetensors")));
        Assert.Equal(metadata, specMetadata);
        Assert.Equal([name], tensors.Keys);
        // serde_json escapes control characters as \u00XX (lowercase) and leaves other characters as UTF-8.
        Assert.Contains("ctrl\\u0001 é 中文 🙂", Encoding.UTF8.GetString(File.ReadAllBytes(PathOf("meta.safetensors"))));
    }

    [Fact]
    public void SaveLoad_TensorLargerThanTheCopyBuffer_RoundTrips()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var big = randn(5_000_001); // 20 MB: crosses the 16 MiB chunk boundary on both paths
        save(new Dictionary<string, Tensor> { ["big"] = big }, PathOf("big.safetensors"));
        Assert.True(load(PathOf("big.safetensors"))["big"].equal(big));
    }

    [Fact]
    public void Save_FailingMidway_LeavesTheExistingFileUntouched()
    {
        using var scope = NewDisposeScope();
        var path = PathOf("model.safetensors");
        save(new Dictionary<string, Tensor> { ["a"] = ones(3) }, path);
        var before = File.ReadAllBytes(path);
        var disposed = ones(2);
        disposed.Dispose();

        Assert.Throws<ObjectDisposedException>(() => save(new Dictionary<string, Tensor> { ["a"] = ones(3), ["b"] = disposed }, path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Save_ReservedOrBadNames_Throw()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["__metadata__"] = ones(1) }, PathOf("x.safetensors")));
        Assert.Throws<ArgumentException>(() => save(new Dictionary<string, Tensor> { ["bad\ud800"] = ones(1) }, PathOf("x.safetensors")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Save_IntoMissingFolder_ThrowsNamingIt()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<DirectoryNotFoundException>(() => save(new Dictionary<string, Tensor> { ["a"] = ones(1) }, PathOf("absent/x.safetensors")));
        Assert.Contains(PathOf("absent"), ex.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => load(PathOf("absent.safetensors")));
        Assert.Contains("absent.safetensors", ex.Message);
    }

    // ---- corrupted files -------------------------------------------------------------------------------

    private static byte[] FileWith(string header, int dataBytes, byte fill = 0)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var file = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        file.AsSpan(8 + json.Length).Fill(fill);
        return file;
    }

    private static byte[] Valid() => FileWith("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}""", 16);

    public static TheoryData<string, byte[], string> CorruptFiles() => new()
    {
        { "truncated data", Valid()[..^4], "truncated" },
        { "trailing bytes", [.. Valid(), 0, 0, 0, 0], "trailing bytes" },
        { "shorter than the length prefix", [1, 2, 3, 4, 5], "fewer than the 8-byte header length" },
        { "absurd header length", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, (byte)'{', (byte)'}'], "exceeds the 100000000-byte limit" },
        { "header past the end", Valid()[..40], "runs past the end of the file" },
        { "not JSON", FileWith("""{"a":{"dtype":"F32",""", 0), "not valid JSON" },
        { "garbage after the object", FileWith("""{}x""", 0), "not valid JSON" },
        { "not an object", FileWith("""[1, 2]""", 0), "does not start with '{'" },
        { "invalid UTF-8", [.. FileWith("{\"a\u00e9\":1}", 0)[..11], 0xC3, 0x28, .. FileWith("{\"a\u00e9\":1}", 0)[13..]], "not valid UTF-8" },
        { "duplicate tensor name", FileWith("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8), "names 'a' twice" },
        { "duplicate field", FileWith("""{"a":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 4), "gives dtype twice" },
        { "unknown dtype", FileWith("""{"a":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}}""", 8), "unknown or unsupported dtype 'C64'" },
        { "size mismatch", FileWith("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", 4), "needs 8 bytes but data_offsets [0, 4] span 4" },
        { "overlap", FileWith("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12), "overlaps tensor 'a'" },
        { "gap", FileWith("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", 12), "belong to no tensor" },
        { "offset out of range", FileWith("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8), "ends at data byte 16 but the data section has only 8 bytes" },
        { "end before begin", FileWith("""{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}""", 4), "end before they begin" },
        { "negative size", FileWith("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", 4), "non-negative integers" },
        { "fractional size", FileWith("""{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}""", 4), "non-negative integers" },
        { "overflowing shape", FileWith("""{"a":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8), "too large to address" },
        { "missing offsets", FileWith("""{"a":{"dtype":"F32","shape":[1]}}""", 0), "lacks data_offsets" },
        { "unknown field", FileWith("""{"a":{"dtype":"F32","shape":[1],"offsets":[0,4]}}""", 4), "unknown field 'offsets'" },
        { "three offsets", FileWith("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,4]}}""", 4), "must be [begin, end]" },
        { "metadata not strings", FileWith("""{"__metadata__":{"epoch":3}}""", 0), "entry 'epoch' must be a string" },
        { "bool byte out of range", FileWith("""{"m":{"dtype":"BOOL","shape":[2],"data_offsets":[0,2]}}""", 2, fill: 2), "holds the byte 2" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Load_CorruptFile_ThrowsNamingFileAndProblem(string what, byte[] bytes, string problem)
    {
        var path = PathOf(what.Replace(' ', '-') + ".safetensors");
        File.WriteAllBytes(path, bytes);
        var before = data.LiveTensors.Settled();
        var ex = Assert.Throws<InvalidDataException>(() => load(path));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.Equal(before, Tensor.LiveCount); // nothing leaked on the error path
    }

    [Fact]
    public void Load_ValidBaseOfTheCorruptions_Loads()
    {
        using var scope = NewDisposeScope();
        var tensors = SafeTensors.Read(new MemoryStream(Valid()), out _);
        Assert.Equal(["a", "b"], tensors.Keys);
    }
}

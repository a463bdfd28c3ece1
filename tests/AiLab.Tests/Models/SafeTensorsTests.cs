using System.Text;
using System.Text.Json;
using AiLab.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AiLab.Tests.Models;

/// <summary>
/// SafeTensors against an independent Python implementation of the safetensors format (struct/json/numpy,
/// Fixtures/make_safetensors_fixtures.py; two of its cases are the byte vectors of the reference implementation's own
/// unit tests) and against TorchSharp.PyBridge's <c>load_safetensors</c>, the loader the notebooks use.
/// </summary>
public sealed class SafeTensorsTests
{
    private static readonly Lazy<JsonElement> Fixtures = new(() => FixtureFiles.Json("safetensors_fixtures.json").RootElement);

    public static TheoryData<string> ValidCases => NamedCases.Names(Fixtures.Value.GetProperty("valid"));

    public static TheoryData<string> InvalidCases => NamedCases.Names(Fixtures.Value.GetProperty("invalid"));

    private static JsonElement Case(string section, string name) => NamedCases.Case(Fixtures.Value.GetProperty(section), name);

    private static byte[] FileOf(JsonElement c) => Convert.FromBase64String(c.GetProperty("file_base64").GetString()!);

    private static ScalarType TypeOf(string dtype) => dtype switch
    {
        "F64" => ScalarType.Float64, "F32" => ScalarType.Float32, "F16" => ScalarType.Float16, "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32, "I16" => ScalarType.Int16, "I8" => ScalarType.Int8, "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool, _ => throw new ArgumentException(dtype),
    };

    private static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static Dictionary<string, string>? MetadataIn(JsonElement c) =>
        c.GetProperty("metadata_in").ValueKind == JsonValueKind.Null ? null
            : c.GetProperty("metadata_in").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Serialize_FixtureTensors_EqualsPythonWriterByteForByte(string name)
    {
        var c = Case("valid", name);
        var tensors = c.GetProperty("tensors_in").EnumerateArray().Select(t => new KeyValuePair<string, Tensor>(
            t.GetProperty("name").GetString()!,
            torch.tensor(Doubles(t.GetProperty("values")), dtype: ScalarType.Float64).reshape(Longs(t.GetProperty("shape")))
                .to_type(TypeOf(t.GetProperty("dtype").GetString()!)))).ToList();

        byte[] written = SafeTensors.Serialize(tensors, MetadataIn(c));

        Assert.Equal(FileOf(c), written);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ReadHeader_PythonWrittenFile_MatchesPythonReader(string name)
    {
        var c = Case("valid", name);

        var header = SafeTensors.ReadHeader(FileOf(c));

        Assert.Equal(c.GetProperty("header_length").GetInt64(), header.HeaderLength);
        Assert.Equal(c.GetProperty("header_text").GetString(), header.Json);
        Assert.Equal(c.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), header.Metadata);
        var expected = c.GetProperty("tensors").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, header.Tensors.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].GetProperty("name").GetString(), header.Tensors[i].Name);
            Assert.Equal(expected[i].GetProperty("dtype").GetString(), header.Tensors[i].Dtype);
            Assert.Equal(Longs(expected[i].GetProperty("shape")), header.Tensors[i].Shape);
            Assert.Equal(Longs(expected[i].GetProperty("data_offsets")), new[] { header.Tensors[i].Begin, header.Tensors[i].End });
        }
        Assert.Equal(FileOf(c).Length, header.FileLength);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Load_PythonWrittenFile_ValuesMatchPythonReader(string name)
    {
        var c = Case("valid", name);

        var tensors = SafeTensors.Load(FileOf(c));

        foreach (var t in c.GetProperty("tensors").EnumerateArray())
        {
            var loaded = tensors[t.GetProperty("name").GetString()!];
            Assert.Equal(TypeOf(t.GetProperty("dtype").GetString()!), loaded.dtype);
            Assert.Equal(Longs(t.GetProperty("shape")), loaded.shape);
            Assert.Equal(Doubles(t.GetProperty("values")), loaded.to_type(ScalarType.Float64).reshape(-1).data<double>().ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void ReadHeader_FileThePythonReaderRejects_Throws(string name)
    {
        byte[] file = FileOf(Case("invalid", name));

        Assert.Throws<InvalidDataException>(() => SafeTensors.ReadHeader(file));
    }

    [Fact]
    public void Serialize_NonAsciiMetadata_LengthPrefixCountsUtf8Bytes()
    {
        var metadata = new Dictionary<string, string> { ["说明"] = "温度 °C" };

        byte[] file = SafeTensors.Serialize([new("w", torch.ones(2))], metadata);

        long n = BitConverter.ToInt64(file, 0);
        string text = Encoding.UTF8.GetString(file, 8, (int)n);
        Assert.Equal(0, n % 8);
        Assert.Equal(n, Encoding.UTF8.GetByteCount(text));
        Assert.True(n > text.TrimEnd(' ').Length + 7, "the byte count exceeds the character count by the multi-byte characters");
        Assert.Equal("温度 °C", SafeTensors.ReadHeader(file).Metadata["说明"]);
        Assert.Equal(8 + n + 8, file.Length);
    }

    [Fact]
    public void Serialize_ReservedOrDuplicateNames_Throw()
    {
        Assert.Throws<ArgumentException>(() => SafeTensors.Serialize([new("__metadata__", torch.ones(1))]));
        Assert.Throws<ArgumentException>(() => SafeTensors.Serialize([new("a", torch.ones(1)), new("a", torch.zeros(1))]));
    }

    [Fact]
    public void Save_ModuleWithMetadata_PyBridgeLoadSafetensorsRestoresEveryParameter()
    {
        using var source = nn.Sequential(nn.Linear(5, 4), nn.ReLU(), nn.Linear(4, 3));
        using var target = nn.Sequential(nn.Linear(5, 4), nn.ReLU(), nn.Linear(4, 3));
        string path = Path.Combine(Path.GetTempPath(), $"safetensors-{Environment.ProcessId}-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(source, path, new Dictionary<string, string> { ["version"] = "1.0.0", ["note"] = "naïve 模型" });
            target.load_safetensors(path);

            foreach (var (name, parameter) in source.named_parameters())
                Assert.Equal(parameter.bytes.ToArray(), target.get_parameter(name)!.bytes.ToArray());
            Assert.Equal("naïve 模型", SafeTensors.ReadHeader(path).Metadata["note"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

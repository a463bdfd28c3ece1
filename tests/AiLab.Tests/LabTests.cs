using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests;

public sealed class LabTests
{
    [Fact]
    public void Check_False_ThrowsWithMessageAndExpression()
    {
        var auc = 0.91;
        var error = Assert.Throws<CheckFailedException>(() => Lab.Check(auc >= 0.97, $"AUC {auc:F2} ≥ 0.97"));
        Assert.Contains("AUC 0.91 ≥ 0.97", error.Message);
        Assert.Contains("auc >= 0.97", error.Message);
    }

    [Fact]
    public void Check_True_DoesNotThrow() => Lab.Check(1 + 1 == 2, "arithmetic");

    [Fact]
    public void CheckClose_ReportsBothValuesAndTolerance()
    {
        Lab.CheckClose(1.0 + 1e-10, 1.0, 1e-9, "sum");
        var error = Assert.Throws<CheckFailedException>(() => Lab.CheckClose(1.1, 1.0, 1e-3, "sum"));
        Assert.Contains("sum: 1.1 vs 1", error.Message);
        Assert.Throws<CheckFailedException>(() => Lab.CheckClose(double.NaN, 1.0, 1e-3, "nan"));
    }

    [Fact]
    public void Describe_NamesDeviceVersionsAndThreads()
    {
        var text = Lab.Describe();
        Assert.Matches(@"^device: (cpu|cuda(:\d+)?) · TorchSharp 0\.\d+\.\d+ · libtorch 2\.\d+\.\d+(\.\d+)? · \d+ intra-op threads · \.NET 10\.", text);
        Assert.Contains($"TorchSharp {Lab.TorchSharpVersion}", text);
        Assert.Contains($"{torch.get_num_threads()} intra-op threads", text);
    }

    [Fact]
    public void Device_IsCpuWithoutCuda() =>
        Assert.Equal(torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, Lab.Device.type);

    [Fact]
    public void Time_MeasuresElapsedSeconds()
    {
        var seconds = Lab.Time(() => Thread.Sleep(20));
        Assert.InRange(seconds, 0.015, 5);
        var (value, _) = Lab.Time(() => 42);
        Assert.Equal(42, value);
    }
}

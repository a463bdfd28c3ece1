using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;
using static TorchSharp.torch;

namespace AiLab.Tests.Metrics;

/// <summary>PSNR against scikit-image's <c>peak_signal_noise_ratio</c> (0.19.3).</summary>
public sealed class ImageTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases => Names("psnr");

    [Theory]
    [MemberData(nameof(Cases))]
    public void PeakSignalNoiseRatio_MatchesSkimage(string name)
    {
        var c = Case("psnr", name);
        double[] imageTrue = Doubles(c.GetProperty("image_true")), imageTest = Doubles(c.GetProperty("image_test"));
        var range = c.GetProperty("data_range");
        double? dataRange = range.ValueKind == System.Text.Json.JsonValueKind.Null ? null : range.GetDouble();
        var expected = c.GetProperty("psnr");
        if (IsError(expected))
        {
            Assert.Equal("imageTrue", Assert.Throws<ArgumentException>(() => Image.PeakSignalNoiseRatio(imageTrue, imageTest, dataRange)).ParamName);
            return;
        }
        Close.Equal(Double(expected), Image.PeakSignalNoiseRatio(imageTrue, imageTest, dataRange), Tolerance, name);
    }

    [Fact]
    public void PeakSignalNoiseRatio_Tensor_MatchesArrayForm()
    {
        var c = Case("psnr", "unit_range_noise");
        double[] imageTrue = Doubles(c.GetProperty("image_true")), imageTest = Doubles(c.GetProperty("image_test"));
        using var t = tensor(imageTrue).reshape(8, 8);
        using var u = tensor(imageTest).reshape(8, 8);
        Close.Equal(Double(c.GetProperty("psnr")), Image.PeakSignalNoiseRatio(t, u), Tolerance, "tensor");
        using var flat = tensor(imageTest);
        Assert.Equal("imageTest", Assert.Throws<ArgumentException>(() => Image.PeakSignalNoiseRatio(t, flat)).ParamName);
    }

    [Fact]
    public void PeakSignalNoiseRatio_BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal("imageTest", Assert.Throws<ArgumentException>(() => Image.PeakSignalNoiseRatio([0.1, 0.2], [0.1])).ParamName);
        Assert.Equal("imageTest", Assert.Throws<ArgumentException>(() => Image.PeakSignalNoiseRatio([0.1, 0.2], [0.1, double.NaN])).ParamName);
        Assert.Equal("dataRange", Assert.Throws<ArgumentOutOfRangeException>(() => Image.PeakSignalNoiseRatio([0.1, 0.2], [0.1, 0.3], dataRange: 0)).ParamName);
    }
}

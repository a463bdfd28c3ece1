using System.Text.Json;
using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Tests.Metrics;

/// <summary>
/// Detection.Nms / BatchedNms against torchvision 0.14's <c>ops.nms</c> / <c>ops.batched_nms</c> (Python,
/// Fixtures/make_nms_fixtures.py) and against TorchSharp's own TorchVision package (<c>torchvision.ops.nms</c>).
/// </summary>
public sealed class NmsTests
{
    private static readonly Lazy<JsonElement> Fixtures = new(() => FixtureFiles.Json("nms_fixtures.json").RootElement);

    public static TheoryData<string> NmsCases => Names("nms");

    public static TheoryData<string> BatchedCases => Names("batched_nms");

    private static TheoryData<string> Names(string section) => NamedCases.Names(Fixtures.Value.GetProperty(section));

    private static JsonElement Case(string section, string name) => NamedCases.Case(Fixtures.Value.GetProperty(section), name);

    private static Box[] Boxes(JsonElement c) =>
        [.. c.GetProperty("boxes").EnumerateArray().Select(b => new Box(b[0].GetDouble(), b[1].GetDouble(), b[2].GetDouble(), b[3].GetDouble()))];

    private static double[] Scores(JsonElement c) => [.. c.GetProperty("scores").EnumerateArray().Select(s => s.GetDouble())];

    private static int[] Ints(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(s => s.GetInt32())];

    [Theory]
    [MemberData(nameof(NmsCases))]
    public void Nms_MatchesPythonTorchvision(string name)
    {
        var c = Case("nms", name);

        int[] kept = Detection.Nms(Boxes(c), Scores(c), c.GetProperty("iou_threshold").GetDouble());

        Assert.Equal(Ints(c, "keep"), kept);
    }

    [Theory]
    [MemberData(nameof(BatchedCases))]
    public void BatchedNms_MatchesPythonTorchvision(string name)
    {
        var c = Case("batched_nms", name);

        int[] kept = Detection.BatchedNms(Boxes(c), Scores(c), Ints(c, "classes"), c.GetProperty("iou_threshold").GetDouble());

        Assert.Equal(Ints(c, "keep"), kept);
    }

    /// <summary>
    /// The fixture cases where TorchSharp's TorchVision 0.107 agrees with torchvision by design: its <c>ops.nms</c> is a C#
    /// tensor loop that sorts scores with an unstable sort (tied scores come out in any order) and keeps only boxes with
    /// IoU ≤ threshold, so a box whose IoU is 0/0 = NaN (two zero-area boxes) is dropped where torchvision keeps it.
    /// Cases with tied scores or zero-area boxes are therefore left to the Python oracle.
    /// </summary>
    public static TheoryData<string> TorchSharpComparableCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Fixtures.Value.GetProperty("nms").EnumerateArray())
            {
                double[] scores = Scores(c);
                if (scores.Distinct().Count() == scores.Length && Boxes(c).All(b => b.Area > 0))
                    data.Add(c.GetProperty("name").GetString()!);
            }
            return data;
        }
    }

    private static int[] TorchSharpNms(Box[] boxes, double[] scores, double threshold)
    {
        using var scope = NewDisposeScope();
        var boxTensor = tensor(boxes.SelectMany(b => new[] { b.X1, b.Y1, b.X2, b.Y2 }).ToArray(), [boxes.Length, 4], dtype: ScalarType.Float64);
        var scoreTensor = tensor(scores, [scores.Length], dtype: ScalarType.Float64);
        return [.. torchvision.ops.nms(boxTensor, scoreTensor, threshold).data<long>().ToArray().Select(i => (int)i)];
    }

    [Theory]
    [MemberData(nameof(TorchSharpComparableCases))]
    public void Nms_MatchesTorchSharpTorchVision_OnFixtures(string name)
    {
        var c = Case("nms", name);
        Box[] boxes = Boxes(c);
        double[] scores = Scores(c);
        double threshold = c.GetProperty("iou_threshold").GetDouble();

        Assert.Equal(TorchSharpNms(boxes, scores, threshold), Detection.Nms(boxes, scores, threshold));
    }

    [Fact]
    public void Nms_MatchesTorchSharpTorchVision_OnRandomBoxes()
    {
        var random = new Random(7);
        int compared = 0, suppressedTotal = 0;
        foreach (double threshold in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 })
            for (int trial = 0; trial < 6; trial++)
            {
                int n = 20 + 30 * trial;
                var boxes = new Box[n];
                for (int i = 0; i < n; i++)
                {
                    double x = random.NextDouble() * 50, y = random.NextDouble() * 50;
                    boxes[i] = new Box(x, y, x + 1 + random.NextDouble() * 30, y + 1 + random.NextDouble() * 30);
                }
                double[] scores = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];

                int[] kept = Detection.Nms(boxes, scores, threshold);

                Assert.Equal(TorchSharpNms(boxes, scores, threshold), kept);
                compared++;
                suppressedTotal += n - kept.Length;
            }
        Assert.Equal(30, compared);
        Assert.True(suppressedTotal > 500, $"the random boxes should overlap enough to suppress many ({suppressedTotal}).");
    }

    [Fact]
    public void TorchSharpTorchVision_DropsZeroAreaBoxesThatTorchvisionKeeps()
    {
        // Why zero-area cases are compared with Python only: identical zero-area boxes have IoU 0/0.
        var c = Case("nms", "zero_area_boxes");
        Box[] boxes = Boxes(c);
        double[] scores = Scores(c);

        Assert.Equal([0, 1, 2, 3], Ints(c, "keep"));
        Assert.Equal([0, 1, 2, 3], Detection.Nms(boxes, scores, 0.1));
        Assert.Equal([0, 2], TorchSharpNms(boxes, scores, 0.1));
    }

    [Fact]
    public void Nms_HandCases()
    {
        Box a = new(0, 0, 10, 10), nearA = new(1, 0, 11, 10), far = new(50, 50, 60, 60);
        // IoU(a, nearA) = 90 / 110 ≈ 0.818: suppressed at 0.5, kept at 0.9.
        Assert.Equal([1, 2], Detection.Nms([a, nearA, far], [0.7, 0.8, 0.1], 0.5));
        Assert.Equal([1, 0, 2], Detection.Nms([a, nearA, far], [0.7, 0.8, 0.1], 0.9));
        // Same boxes, other classes: nothing suppressed across classes.
        Assert.Equal([1, 0, 2], Detection.BatchedNms([a, nearA, far], [0.7, 0.8, 0.1], [0, 1, 0], 0.5));
    }

    [Fact]
    public void Nms_DetectedBoxes_PerImageAndClass()
    {
        Box a = new(0, 0, 10, 10), nearA = new(1, 0, 11, 10);
        DetectedBox[] detections =
        [
            new(0, 0, 0.9, a), new(0, 0, 0.8, nearA), // same image and class: the second is suppressed
            new(0, 1, 0.7, nearA),                    // other class: kept
            new(1, 0, 0.95, nearA),                   // other image: kept
        ];

        var kept = Detection.Nms(detections, 0.5);

        Assert.Equal([detections[3], detections[0], detections[2]], kept);
    }

    [Fact]
    public void Nms_BadInput_NamesTheArgument()
    {
        Box a = new(0, 0, 1, 1);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Detection.Nms([a, a], [0.5], 0.5)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Detection.Nms([a], [double.NaN], 0.5)).ParamName);
        Assert.Equal("iouThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => Detection.Nms([a], [0.5], 1.5)).ParamName);
        Assert.Equal("iouThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => Detection.Nms([a], [0.5], -0.1)).ParamName);
        Assert.Equal("classIds", Assert.Throws<ArgumentException>(() => Detection.BatchedNms([a], [0.5], [0, 1], 0.5)).ParamName);
        Assert.Equal("detections", Assert.Throws<ArgumentException>(() => Detection.Nms([new DetectedBox(0, 0, double.PositiveInfinity, a)], 0.5)).ParamName);
    }
}

using AiLab.Metrics;
using static AiLab.Tests.Metrics.MetricsFixture;

namespace AiLab.Tests.Metrics;

public sealed class DetectionTests
{
    public static TheoryData<string> MaskCases => Names("masks");

    private static readonly Box A = new(0, 0, 10, 10);
    private static readonly Box B = new(20, 20, 30, 30);

    [Theory]
    [MemberData(nameof(MaskCases))]
    public void IouAndDice_Masks_MatchSklearnJaccardAndF1(string name)
    {
        var c = Case("masks", name);
        bool[] target = Bools(c.GetProperty("target")), prediction = Bools(c.GetProperty("prediction"));
        Close.Equal(Double(c.GetProperty("iou")), Detection.Iou(target, prediction), 1e-15, $"{name} iou");
        Close.Equal(Double(c.GetProperty("dice")), Detection.Dice(target, prediction), 1e-15, $"{name} dice");
        if (c.TryGetProperty("iou_zero_division_1", out var iou1))
        {
            Close.Equal(Double(iou1), Detection.Iou(target, prediction, zeroDivision: 1), 0, $"{name} iou zd=1");
            Close.Equal(Double(c.GetProperty("dice_zero_division_1")), Detection.Dice(target, prediction, zeroDivision: 1), 0, $"{name} dice zd=1");
        }
    }

    [Fact]
    public void BoxIou_HandComputedCases()
    {
        Assert.Equal(1.0, Detection.BoxIou(A, A));
        Assert.Equal(0.0, Detection.BoxIou(A, B));
        Assert.Equal(0.0, Detection.BoxIou(A, new Box(10, 0, 20, 10))); // sharing an edge is no overlap
        Assert.Equal(1.0 / 3, Detection.BoxIou(new Box(0, 0, 2, 2), new Box(1, 0, 3, 2)), 15);
        Assert.Equal(0.25, Detection.BoxIou(A, new Box(0, 0, 5, 5)), 15); // contained: 25 / 100
        Assert.Equal(0.0, Detection.BoxIou(new Box(1, 1, 1, 1), new Box(1, 1, 1, 1))); // no area at all
    }

    [Fact]
    public void BoxIou_Matrix_HoldsEveryPair()
    {
        var iou = Detection.BoxIou([A, B], [B, A, new Box(0, 0, 5, 5)]);
        Assert.Equal(new double[,] { { 0, 1, 0.25 }, { 1, 0, 0 } }, iou);
    }

    [Fact]
    public void Box_InvertedCorners_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Box(5, 0, 1, 1));
        Assert.Throws<ArgumentException>(() => new Box(0, 0, double.NaN, 1));
    }

    [Fact]
    public void MeanAveragePrecision_DuplicateDetection_IsFalsePositiveAndEnvelopeApplies()
    {
        // TP (A), duplicate of A (FP), TP (B): precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1.
        // Envelope: 1 up to recall 1/2, then 2/3 → AP = 0.5·1 + 0.5·2/3 = 5/6.
        var result = Detection.MeanAveragePrecision(
            [new DetectedBox(0, 0, 0.9, A), new DetectedBox(0, 0, 0.8, A), new DetectedBox(0, 0, 0.7, B)],
            [new GroundTruthBox(0, 0, A), new GroundTruthBox(0, 0, B)]);
        Assert.Equal(5.0 / 6, result.MeanAveragePrecision, 15);
        Assert.Equal([0], result.ClassIds);
    }

    [Fact]
    public void MeanAveragePrecision_IouThreshold_DecidesLocalization()
    {
        var loose = new Box(0, 0, 10, 6); // IoU with A = 60 / 100
        DetectedBox[] detections = [new(0, 0, 0.9, loose)];
        GroundTruthBox[] truths = [new(0, 0, A)];
        Assert.Equal(1.0, Detection.MeanAveragePrecision(detections, truths, 0.5).MeanAveragePrecision);
        Assert.Equal(1.0, Detection.MeanAveragePrecision(detections, truths, 0.6).MeanAveragePrecision);
        Assert.Equal(0.0, Detection.MeanAveragePrecision(detections, truths, 0.75).MeanAveragePrecision);
    }

    [Fact]
    public void MeanAveragePrecision_FalsePositiveRankedFirst_HalvesAp()
    {
        // FP at 0.9 then TP at 0.8 for the only object: precision 1/2 at recall 1 → AP 0.5.
        var result = Detection.MeanAveragePrecision(
            [new DetectedBox(0, 0, 0.9, B), new DetectedBox(0, 0, 0.8, A)],
            [new GroundTruthBox(0, 0, A)]);
        Assert.Equal(0.5, result.MeanAveragePrecision, 15);
    }

    [Fact]
    public void MeanAveragePrecision_MissedObject_CapsRecall()
    {
        // One of two objects found, perfectly: recall never exceeds 1/2 → AP 0.5.
        var result = Detection.MeanAveragePrecision([new DetectedBox(0, 0, 0.9, A)], [new GroundTruthBox(0, 0, A), new GroundTruthBox(0, 0, B)]);
        Assert.Equal(0.5, result.MeanAveragePrecision, 15);
    }

    [Fact]
    public void MeanAveragePrecision_DetectionInOtherImage_DoesNotMatch()
    {
        var result = Detection.MeanAveragePrecision([new DetectedBox(1, 0, 0.9, A)], [new GroundTruthBox(0, 0, A)]);
        Assert.Equal(0.0, result.MeanAveragePrecision);
    }

    [Fact]
    public void MeanAveragePrecision_Classes_AveragedOverThoseWithGroundTruth()
    {
        // Class 0: perfect (AP 1). Class 1: an object never detected (AP 0). Class 2: detections only → left out.
        var result = Detection.MeanAveragePrecision(
            [new DetectedBox(0, 0, 0.9, A), new DetectedBox(0, 2, 0.95, B), new DetectedBox(0, 1, 0.5, A)],
            [new GroundTruthBox(0, 0, A), new GroundTruthBox(0, 1, B)]);
        Assert.Equal([0, 1], result.ClassIds);
        Assert.Equal([1.0, 0.0], result.AveragePrecisions);
        Assert.Equal(0.5, result.MeanAveragePrecision);
    }

    [Fact]
    public void MeanAveragePrecision_NoGroundTruth_IsNaN()
    {
        var result = Detection.MeanAveragePrecision([new DetectedBox(0, 0, 0.9, A)], []);
        Assert.True(double.IsNaN(result.MeanAveragePrecision));
        Assert.Empty(result.ClassIds);
    }

    [Fact]
    public void MeanAveragePrecision_BadThreshold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Detection.MeanAveragePrecision([], [], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Detection.MeanAveragePrecision([], [], 1.5));
    }
}

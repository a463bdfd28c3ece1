using AiLab.Metrics;

namespace AiLab.Tests.Metrics;

public sealed class DetectionPrecisionRecallCurveTests
{
    private static readonly Box A = new(0, 0, 10, 10);
    private static readonly Box B = new(20, 20, 30, 30);
    private static readonly Box C = new(40, 40, 50, 50);

    [Fact]
    public void Curve_HandCase_DuplicateMissAndWrongImage()
    {
        // Class 0, three objects (A, B in image 0; C in image 1). Ranked: A (TP), A again (duplicate → FP), C in image 0
        // (no object there → FP), B (TP). C in image 1 is never found: recall stops at 2/3.
        DetectedBox[] detections =
        [
            new(0, 0, 0.6, C), new(0, 0, 0.9, A), new(0, 0, 0.5, B), new(0, 0, 0.8, A),
        ];
        GroundTruthBox[] truths = [new(0, 0, A), new(0, 0, B), new(1, 0, C)];

        var curve = Detection.PrecisionRecallCurve(detections, truths, classId: 0);

        Assert.Equal([0.9, 0.8, 0.6, 0.5], curve.Scores);
        Assert.Equal([true, false, false, true], curve.TruePositive);
        Assert.Equal([1, 0.5, 1.0 / 3, 0.5], curve.Precision);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3], curve.Recall);
        Assert.Equal(3, curve.GroundTruthCount);
        // Envelope: precision 1 up to recall 1/3, then 1/2 up to 2/3 → AP = 1/3 + 1/6 = 1/2.
        Assert.Equal([1, 0.5, 0.5, 0.5], curve.InterpolatedPrecision);
        Assert.Equal(0.5, curve.AveragePrecision, 15);
        Assert.Equal(0.5, Detection.MeanAveragePrecision(detections, truths).MeanAveragePrecision, 15);
    }

    [Fact]
    public void Curve_PooledClasses_MatchOnlyTheirOwnClass()
    {
        // A class-1 detection on a class-0 object is a false positive in the pooled curve.
        DetectedBox[] detections = [new(0, 1, 0.9, A), new(0, 0, 0.8, A), new(0, 1, 0.7, B)];
        GroundTruthBox[] truths = [new(0, 0, A), new(0, 1, B)];

        var pooled = Detection.PrecisionRecallCurve(detections, truths);
        var classOne = Detection.PrecisionRecallCurve(detections, truths, classId: 1);

        Assert.Null(pooled.ClassId);
        Assert.Equal([false, true, true], pooled.TruePositive);
        Assert.Equal([0, 0.5, 2.0 / 3], pooled.Precision);
        Assert.Equal([0, 0.5, 1], pooled.Recall);
        Assert.Equal(1, classOne.ClassId);
        Assert.Equal([0.9, 0.7], classOne.Scores);
        Assert.Equal([0, 0.5], classOne.Precision);
        Assert.Equal([0, 1], classOne.Recall);
    }

    [Fact]
    public void Curve_PerClassAp_EqualsMeanAveragePrecisionsClassAps()
    {
        var random = new Random(3);
        var truths = new List<GroundTruthBox>();
        var detections = new List<DetectedBox>();
        for (int image = 0; image < 20; image++)
            for (int k = 0; k < 3; k++)
            {
                int cls = random.Next(3);
                double x = random.Next(60), y = random.Next(60);
                var box = new Box(x, y, x + 10 + random.Next(20), y + 10 + random.Next(20));
                truths.Add(new GroundTruthBox(image, cls, box));
                for (int d = 0; d < 2; d++) // jittered detections, sometimes of the wrong class
                {
                    double dx = random.NextDouble() * 8 - 4, dy = random.NextDouble() * 8 - 4;
                    detections.Add(new DetectedBox(image, random.NextDouble() < 0.8 ? cls : random.Next(3), Math.Round(random.NextDouble(), 2),
                        new Box(box.X1 + dx, box.Y1 + dy, box.X2 + dx, box.Y2 + dy)));
                }
            }

        var map = Detection.MeanAveragePrecision(detections, truths, 0.5);

        for (int i = 0; i < map.ClassIds.Length; i++)
        {
            var curve = Detection.PrecisionRecallCurve(detections, truths, map.ClassIds[i], 0.5);
            Assert.Equal(map.AveragePrecisions[i], curve.AveragePrecision, 15);
            Assert.Equal(truths.Count(t => t.ClassId == map.ClassIds[i]), curve.GroundTruthCount);
            Assert.True(curve.Scores.Zip(curve.Scores.Skip(1)).All(p => p.First >= p.Second), "scores must be decreasing");
        }
        Assert.InRange(map.MeanAveragePrecision, 0.05, 0.95); // a non-trivial case: neither all hits nor all misses
    }

    [Fact]
    public void Curve_BadInput_NamesTheArgument()
    {
        GroundTruthBox[] truths = [new(0, 0, A)];
        Assert.Equal("groundTruths", Assert.Throws<ArgumentException>(() => Detection.PrecisionRecallCurve([], truths, classId: 4)).ParamName);
        Assert.Equal("groundTruths", Assert.Throws<ArgumentException>(() => Detection.PrecisionRecallCurve([], [])).ParamName);
        Assert.Equal("detections", Assert.Throws<ArgumentException>(() =>
            Detection.PrecisionRecallCurve([new DetectedBox(0, 0, double.NaN, A)], truths)).ParamName);
        Assert.Equal("iouThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => Detection.PrecisionRecallCurve([], truths, iouThreshold: 0)).ParamName);
        Assert.Empty(Detection.PrecisionRecallCurve([], truths).Scores);
    }
}

namespace AiLab.Metrics;

/// <summary>Mean average precision at one IoU threshold, with the AP of every class that has ground truth.</summary>
/// <param name="MeanAveragePrecision">Mean of <paramref name="AveragePrecisions"/>; NaN when no class has ground truth.</param>
/// <param name="ClassIds">Classes with at least one ground-truth box, increasing.</param>
/// <param name="AveragePrecisions">AP of each class in <paramref name="ClassIds"/>.</param>
public sealed record MeanAveragePrecisionResult(double MeanAveragePrecision, int[] ClassIds, double[] AveragePrecisions);

public static partial class Detection
{
    /// <summary>
    /// Mean average precision at one IoU threshold (mAP@IoU, e.g. mAP@0.5), defined as follows.
    /// <list type="number">
    /// <item>Per class, detections are ranked by score (descending; equal scores keep their input order).</item>
    /// <item>Each detection in turn is matched to the not-yet-matched ground-truth box of the same image and class with
    /// the highest IoU, if that IoU is ≥ <paramref name="iouThreshold"/> (COCO's greedy rule): a true positive.
    /// Otherwise (no overlap enough, or its best boxes are taken: a duplicate) it is a false positive.</item>
    /// <item>Precision and recall after each detection give the PR curve; AP is the area under its upper envelope,
    /// Σ (rₖ − rₖ₋₁)·max_{j≥k} pⱼ over every recall step (all-point interpolation, PASCAL VOC 2010+; not COCO's 101 points).</item>
    /// <item>mAP is the mean AP over classes that have ground truth. Classes without ground truth are left out (their
    /// detections are all false positives but have no recall to measure); a class with ground truth but no detection has AP 0.</item>
    /// </list>
    /// There is no non-maximum suppression here: pass the detections as the model's post-processing leaves them (e.g. after
    /// <see cref="Nms(IReadOnlyList{DetectedBox}, double)"/>). <see cref="PrecisionRecallCurve"/> gives the PR points behind each AP.
    /// </summary>
    /// <param name="detections">Predicted boxes with scores, over all images.</param>
    /// <param name="groundTruths">Annotated boxes, over all images.</param>
    /// <param name="iouThreshold">Minimum IoU for a match, in (0, 1].</param>
    public static MeanAveragePrecisionResult MeanAveragePrecision(IReadOnlyList<DetectedBox> detections, IReadOnlyList<GroundTruthBox> groundTruths,
        double iouThreshold = 0.5)
    {
        CheckDetections(detections, groundTruths, iouThreshold);

        int[] classIds = [.. groundTruths.Select(g => g.ClassId).Distinct().Order()];
        double[] averagePrecisions = [.. classIds.Select(c => ClassAveragePrecision(
            [.. detections.Where(d => d.ClassId == c)], [.. groundTruths.Where(g => g.ClassId == c)], iouThreshold))];
        double mean = averagePrecisions.Length == 0 ? double.NaN : averagePrecisions.Average();
        return new MeanAveragePrecisionResult(mean, classIds, averagePrecisions);
    }

    private static double ClassAveragePrecision(DetectedBox[] detections, GroundTruthBox[] truths, double iouThreshold)
    {
        var (_, truePositive) = RankAndMatch(detections, truths, iouThreshold);
        var (precision, recall) = PrecisionRecall(truePositive, truths.Length);
        return EnvelopeArea(precision, recall);
    }

    /// <summary>The precision envelope: at each point the best precision at this recall or beyond (non-increasing).</summary>
    internal static double[] PrecisionEnvelope(double[] precision)
    {
        double[] envelope = [.. precision];
        for (int k = envelope.Length - 2; k >= 0; k--)
            envelope[k] = Math.Max(envelope[k], envelope[k + 1]);
        return envelope;
    }

    /// <summary>Area under the precision envelope, summed over recall steps.</summary>
    internal static double EnvelopeArea(double[] precision, double[] recall)
    {
        double[] envelope = PrecisionEnvelope(precision);
        double area = 0;
        for (int k = envelope.Length - 1; k >= 0; k--)
            area += (recall[k] - (k == 0 ? 0 : recall[k - 1])) * envelope[k];
        return area;
    }
}

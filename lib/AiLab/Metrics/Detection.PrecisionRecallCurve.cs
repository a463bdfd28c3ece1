namespace AiLab.Metrics;

/// <summary>
/// The precision–recall curve of ranked detections (<see cref="Detection.PrecisionRecallCurve"/>): point k is the
/// precision and recall of the k + 1 best-scored detections, i.e. at score threshold <c>Scores[k]</c>. When several
/// detections share a score, the last point of that run is the curve at that threshold (the earlier ones are the
/// steps <see cref="Detection.MeanAveragePrecision"/> also walks through).
/// </summary>
/// <param name="ClassId">The class of the curve, or null when it pools all classes.</param>
/// <param name="Scores">Detection scores, decreasing (the thresholds).</param>
/// <param name="Precision">True positives among the first k + 1 detections, divided by k + 1.</param>
/// <param name="Recall">True positives among the first k + 1 detections, divided by <paramref name="GroundTruthCount"/>.</param>
/// <param name="TruePositive">Whether detection k matched a ground-truth box.</param>
/// <param name="GroundTruthCount">Number of ground-truth boxes the recall is relative to (≥ 1).</param>
public sealed record DetectionPrecisionRecallCurve(int? ClassId, double[] Scores, double[] Precision, double[] Recall, bool[] TruePositive,
    int GroundTruthCount)
{
    /// <summary>
    /// Area under the curve's upper envelope, all-point interpolated (PASCAL VOC 2010+): for one class this is that
    /// class's AP in <see cref="Detection.MeanAveragePrecision"/>; for pooled classes it is the "micro" AP over all detections.
    /// </summary>
    public double AveragePrecision => Detection.EnvelopeArea(Precision, Recall);

    /// <summary>
    /// Precision interpolated as PASCAL VOC does: at point k the best precision at recall <c>Recall[k]</c> or beyond
    /// (non-increasing); <see cref="AveragePrecision"/> is the area under these values held from the previous recall to
    /// <c>Recall[k]</c>.
    /// </summary>
    public double[] InterpolatedPrecision => Detection.PrecisionEnvelope(Precision);
}

public static partial class Detection
{
    /// <summary>
    /// The precision–recall points behind <see cref="MeanAveragePrecision"/>: detections ranked by score (equal scores in
    /// input order), each matched greedily to the unmatched ground-truth box of the same image and class with the highest
    /// IoU ≥ <paramref name="iouThreshold"/> (a true positive) or not (a false positive, duplicates included), with the
    /// precision and recall after each one.
    /// </summary>
    /// <param name="detections">Predicted boxes with scores, over all images.</param>
    /// <param name="groundTruths">Annotated boxes, over all images.</param>
    /// <param name="classId">One class's curve (its detections against its ground truth), or null to rank every detection
    /// together against all ground truth (a detection still matches only boxes of its own class).</param>
    /// <param name="iouThreshold">Minimum IoU for a match, in (0, 1]; 0.5 for mAP@0.5.</param>
    public static DetectionPrecisionRecallCurve PrecisionRecallCurve(IReadOnlyList<DetectedBox> detections, IReadOnlyList<GroundTruthBox> groundTruths,
        int? classId = null, double iouThreshold = 0.5)
    {
        CheckDetections(detections, groundTruths, iouThreshold);
        DetectedBox[] candidates = [.. detections.Where(d => classId is not { } c || d.ClassId == c)];
        GroundTruthBox[] truths = [.. groundTruths.Where(g => classId is not { } c || g.ClassId == c)];
        if (truths.Length == 0)
            throw new ArgumentException(classId is { } id
                ? $"has no box of class {id}, so recall is undefined for that class."
                : "is empty, so recall is undefined.", nameof(groundTruths));
        var (ranked, truePositive) = RankAndMatch(candidates, truths, iouThreshold);
        var (precision, recall) = PrecisionRecall(truePositive, truths.Length);
        return new DetectionPrecisionRecallCurve(classId, [.. ranked.Select(d => d.Score)], precision, recall, truePositive, truths.Length);
    }

    private static void CheckDetections(IReadOnlyList<DetectedBox> detections, IReadOnlyList<GroundTruthBox> groundTruths, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruths);
        MetricArguments.Probability(iouThreshold, nameof(iouThreshold), allowZero: false, allowOne: true);
        for (int i = 0; i < detections.Count; i++)
            if (!double.IsFinite(detections[i].Score))
                throw new ArgumentException($"element {i} has score {detections[i].Score}; scores must be finite.", nameof(detections));
    }

    /// <summary>
    /// Ranks detections by score (stable) and matches each, in turn, to the unmatched ground-truth box of its image and
    /// class with the highest IoU, if that IoU reaches the threshold (COCO's greedy rule).
    /// </summary>
    internal static (DetectedBox[] Ranked, bool[] TruePositive) RankAndMatch(DetectedBox[] detections, GroundTruthBox[] truths, double iouThreshold)
    {
        // OrderByDescending is a stable sort: equal scores keep their input order.
        var ranked = detections.OrderByDescending(d => d.Score).ToArray();
        var matched = new bool[truths.Length];
        var truePositive = new bool[ranked.Length];
        for (int k = 0; k < ranked.Length; k++)
        {
            int best = -1;
            double bestIou = 0;
            for (int g = 0; g < truths.Length; g++)
            {
                if (matched[g] || truths[g].ImageId != ranked[k].ImageId || truths[g].ClassId != ranked[k].ClassId)
                    continue;
                double iou = BoxIou(ranked[k].Box, truths[g].Box);
                if (best < 0 || iou > bestIou)
                    (best, bestIou) = (g, iou);
            }
            if (best >= 0 && bestIou >= iouThreshold)
                matched[best] = truePositive[k] = true;
        }
        return (ranked, truePositive);
    }

    /// <summary>Precision and recall after each ranked detection.</summary>
    internal static (double[] Precision, double[] Recall) PrecisionRecall(bool[] truePositive, int truthCount)
    {
        var precision = new double[truePositive.Length];
        var recall = new double[truePositive.Length];
        int hits = 0;
        for (int k = 0; k < truePositive.Length; k++)
        {
            if (truePositive[k])
                hits++;
            precision[k] = hits / (k + 1.0);
            recall[k] = hits / (double)truthCount;
        }
        return (precision, recall);
    }
}

namespace AiLab.Metrics;

public static partial class Detection
{
    /// <summary>
    /// Greedy non-maximum suppression, as torchvision's <c>torchvision.ops.nms(boxes, scores, iou_threshold)</c>: boxes
    /// are visited in decreasing score order (equal scores in input order — torchvision's CPU kernel sorts stably); each
    /// box not yet suppressed is kept and suppresses every later box whose IoU with it is strictly greater than
    /// <paramref name="iouThreshold"/>. A box at IoU exactly equal to the threshold survives; boxes with no area overlap
    /// nothing. NMS ignores classes: use <see cref="BatchedNms"/> for per-class suppression.
    /// </summary>
    /// <param name="boxes">Boxes (x1, y1, x2, y2).</param>
    /// <param name="scores">Score of each box, finite.</param>
    /// <param name="iouThreshold">Suppress boxes with IoU above this, in [0, 1] (0: any overlap; 1: nothing).</param>
    /// <returns>Indices of the kept boxes, by decreasing score.</returns>
    public static int[] Nms(IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, double iouThreshold)
    {
        CheckNms(boxes, scores, iouThreshold);
        return NmsOf([.. Enumerable.Range(0, boxes.Count)], boxes, scores, iouThreshold);
    }

    /// <summary>
    /// Class-aware non-maximum suppression, as torchvision's <c>torchvision.ops.batched_nms(boxes, scores, idxs,
    /// iou_threshold)</c>: <see cref="Nms(IReadOnlyList{Box}, IReadOnlyList{double}, double)"/> within each class of <paramref name="classIds"/> separately, so a box never
    /// suppresses a box of another class.
    /// </summary>
    /// <param name="boxes">Boxes (x1, y1, x2, y2).</param>
    /// <param name="scores">Score of each box, finite.</param>
    /// <param name="classIds">Category (or image, or image × category) of each box; NMS runs within each value.</param>
    /// <param name="iouThreshold">Suppress boxes with IoU above this, in [0, 1].</param>
    /// <returns>Indices of the kept boxes over all classes, by decreasing score (equal scores in input order).</returns>
    public static int[] BatchedNms(IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, IReadOnlyList<int> classIds, double iouThreshold)
    {
        CheckNms(boxes, scores, iouThreshold);
        ArgumentNullException.ThrowIfNull(classIds);
        MetricArguments.SameLength(classIds.Count, boxes.Count, nameof(classIds), nameof(boxes));
        var kept = Enumerable.Range(0, boxes.Count).GroupBy(i => classIds[i])
            .SelectMany(group => NmsOf([.. group], boxes, scores, iouThreshold));
        return ByScore(kept, scores);
    }

    /// <summary>
    /// Non-maximum suppression of detections within each (image, class) pair — what a detector's post-processing does
    /// before <see cref="MeanAveragePrecision"/> (which applies none itself).
    /// </summary>
    /// <param name="detections">Detections over all images.</param>
    /// <param name="iouThreshold">Suppress detections with IoU above this with a better one of the same image and class, in [0, 1].</param>
    /// <returns>The kept detections, by decreasing score (equal scores in input order).</returns>
    public static DetectedBox[] Nms(IReadOnlyList<DetectedBox> detections, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(detections);
        for (int i = 0; i < detections.Count; i++)
            if (detections[i] is null)
                throw new ArgumentException($"element {i} is null.", nameof(detections));
        Box[] boxes = [.. detections.Select(d => d.Box)];
        double[] scores = [.. detections.Select(d => d.Score)];
        CheckNms(boxes, scores, iouThreshold, nameof(detections));
        var kept = Enumerable.Range(0, detections.Count).GroupBy(i => (detections[i].ImageId, detections[i].ClassId))
            .SelectMany(group => NmsOf([.. group], boxes, scores, iouThreshold));
        return [.. ByScore(kept, scores).Select(i => detections[i])];
    }

    /// <summary>Greedy NMS over the given candidate indices.</summary>
    private static int[] NmsOf(int[] candidates, IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, double iouThreshold)
    {
        int[] order = ByScore(candidates, scores);
        var suppressed = new bool[order.Length];
        var kept = new List<int>();
        for (int a = 0; a < order.Length; a++)
        {
            if (suppressed[a])
                continue;
            kept.Add(order[a]);
            Box box = boxes[order[a]];
            for (int b = a + 1; b < order.Length; b++)
                if (!suppressed[b] && BoxIou(box, boxes[order[b]]) > iouThreshold)
                    suppressed[b] = true;
        }
        return [.. kept];
    }

    /// <summary>Indices by decreasing score, equal scores by increasing index (a stable order).</summary>
    private static int[] ByScore(IEnumerable<int> indices, IReadOnlyList<double> scores) =>
        [.. indices.OrderByDescending(i => scores[i]).ThenBy(i => i)];

    private static void CheckNms(IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, double iouThreshold, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(scores);
        MetricArguments.SameLength(scores.Count, boxes.Count, name ?? nameof(scores), nameof(boxes));
        for (int i = 0; i < scores.Count; i++)
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"element {i} has score {scores[i]}; scores must be finite.", name ?? nameof(scores));
        if (!(iouThreshold >= 0 && iouThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "The IoU threshold must lie in [0, 1].");
    }
}

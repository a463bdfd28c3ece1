namespace AiLab.Metrics;

/// <summary>Segmentation and detection metrics: overlap of masks and boxes, and mean average precision.</summary>
public static partial class Detection
{
    /// <summary>Intersection over union of two boxes; 0 when the union has no area (two degenerate boxes).</summary>
    /// <param name="a">First box.</param>
    /// <param name="b">Second box.</param>
    public static double BoxIou(Box a, Box b)
    {
        double width = Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1);
        double height = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1);
        double intersection = width > 0 && height > 0 ? width * height : 0;
        double union = a.Area + b.Area - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>Pairwise IoU matrix, element [i, j] = IoU(a[i], b[j]) (torchvision's <c>box_iou</c>).</summary>
    /// <param name="a">First set of boxes.</param>
    /// <param name="b">Second set of boxes.</param>
    public static double[,] BoxIou(IReadOnlyList<Box> a, IReadOnlyList<Box> b)
    {
        var iou = new double[a.Count, b.Count];
        for (int i = 0; i < a.Count; i++)
            for (int j = 0; j < b.Count; j++)
                iou[i, j] = BoxIou(a[i], b[j]);
        return iou;
    }

    /// <summary>
    /// IoU (Jaccard index) of two binary masks |T ∩ P| / |T ∪ P|, as <c>jaccard_score</c> on the flattened masks; when
    /// both masks are empty the ratio is 0/0 and the result is <paramref name="zeroDivision"/> (scikit-learn's default 0;
    /// segmentation code often prefers 1: nothing to find, nothing found).
    /// </summary>
    /// <param name="target">True mask.</param>
    /// <param name="prediction">Predicted mask, same length.</param>
    /// <param name="zeroDivision">Value when both masks are empty: 0 or 1.</param>
    public static double Iou(ReadOnlySpan<bool> target, ReadOnlySpan<bool> prediction, double zeroDivision = 0.0)
    {
        var (intersection, targetCount, predictionCount) = MaskCounts(target, prediction, zeroDivision);
        int union = targetCount + predictionCount - intersection;
        return union == 0 ? zeroDivision : (double)intersection / union;
    }

    /// <summary>
    /// Dice coefficient 2|T ∩ P| / (|T| + |P|) of two binary masks, equal to the F1 score (<c>f1_score</c>) of the
    /// flattened masks; <paramref name="zeroDivision"/> when both are empty.
    /// </summary>
    /// <param name="target">True mask.</param>
    /// <param name="prediction">Predicted mask, same length.</param>
    /// <param name="zeroDivision">Value when both masks are empty: 0 or 1.</param>
    public static double Dice(ReadOnlySpan<bool> target, ReadOnlySpan<bool> prediction, double zeroDivision = 0.0)
    {
        var (intersection, targetCount, predictionCount) = MaskCounts(target, prediction, zeroDivision);
        int total = targetCount + predictionCount;
        return total == 0 ? zeroDivision : 2.0 * intersection / total;
    }

    private static (int Intersection, int Target, int Prediction) MaskCounts(ReadOnlySpan<bool> target, ReadOnlySpan<bool> prediction, double zeroDivision)
    {
        MetricArguments.Paired(target.Length, prediction.Length, nameof(target), nameof(prediction));
        MetricArguments.ZeroDivision(zeroDivision, nameof(zeroDivision));
        int intersection = 0, targetCount = 0, predictionCount = 0;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i])
                targetCount++;
            if (prediction[i])
                predictionCount++;
            if (target[i] && prediction[i])
                intersection++;
        }
        return (intersection, targetCount, predictionCount);
    }
}

namespace AiLab.Metrics;

/// <summary>An axis-aligned box in corner format (x1, y1, x2, y2), as torchvision's <c>box_iou</c> takes it; coordinates are continuous (no +1 pixel).</summary>
public readonly record struct Box
{
    /// <summary>Creates a box; the second corner may not lie left of or above the first.</summary>
    /// <param name="x1">Left edge.</param>
    /// <param name="y1">Top edge.</param>
    /// <param name="x2">Right edge, ≥ x1.</param>
    /// <param name="y2">Bottom edge, ≥ y1.</param>
    public Box(double x1, double y1, double x2, double y2)
    {
        if (!(double.IsFinite(x1) && double.IsFinite(y1) && double.IsFinite(x2) && double.IsFinite(y2)))
            throw new ArgumentException($"corners must be finite, got ({x1}, {y1}, {x2}, {y2}).");
        if (x2 < x1 || y2 < y1)
            throw new ArgumentException($"needs x1 ≤ x2 and y1 ≤ y2, got ({x1}, {y1}, {x2}, {y2}).");
        (X1, Y1, X2, Y2) = (x1, y1, x2, y2);
    }

    /// <summary>Left edge.</summary>
    public double X1 { get; }

    /// <summary>Top edge.</summary>
    public double Y1 { get; }

    /// <summary>Right edge.</summary>
    public double X2 { get; }

    /// <summary>Bottom edge.</summary>
    public double Y2 { get; }

    /// <summary>Width × height.</summary>
    public double Area => (X2 - X1) * (Y2 - Y1);
}

/// <summary>One predicted box for <see cref="Detection.MeanAveragePrecision"/>.</summary>
/// <param name="ImageId">Which image it belongs to.</param>
/// <param name="ClassId">Predicted class.</param>
/// <param name="Score">Confidence; detections are ranked by it.</param>
/// <param name="Box">Location.</param>
public sealed record DetectedBox(int ImageId, int ClassId, double Score, Box Box);

/// <summary>One annotated object for <see cref="Detection.MeanAveragePrecision"/>.</summary>
/// <param name="ImageId">Which image it belongs to.</param>
/// <param name="ClassId">True class.</param>
/// <param name="Box">Location.</param>
public sealed record GroundTruthBox(int ImageId, int ClassId, Box Box);

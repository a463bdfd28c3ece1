namespace AiLab.Data;

/// <summary>The shape classes of <see cref="SyntheticShapes"/>; the value is the class index in the masks.</summary>
public enum ShapeKind
{
    /// <summary>A filled circle (mask class 1).</summary>
    Circle = 1,

    /// <summary>A filled axis-aligned rectangle (mask class 2).</summary>
    Rectangle = 2,

    /// <summary>A filled triangle (mask class 3).</summary>
    Triangle = 3,
}

/// <summary>
/// A shape drawn on a synthetic image, in pixel coordinates: x to the right, y down, pixel (row r, column c)
/// covering [c, c+1) × [r, r+1). A pixel belongs to the shape when its centre (c + 0.5, r + 0.5) is inside.
/// </summary>
public abstract record Shape
{
    private protected Shape()
    {
    }

    /// <summary>Which kind of shape this is.</summary>
    public abstract ShapeKind Kind { get; }

    /// <summary>Whether the point (<paramref name="x"/>, <paramref name="y"/>) is inside the shape.</summary>
    public abstract bool Contains(double x, double y);

    /// <summary>The smallest axis-aligned box holding the shape: (x1, y1, x2, y2).</summary>
    public abstract (double X1, double Y1, double X2, double Y2) Bounds { get; }
}

/// <summary>A filled circle.</summary>
public sealed record CircleShape(double CenterX, double CenterY, double Radius) : Shape
{
    /// <inheritdoc/>
    public override ShapeKind Kind => ShapeKind.Circle;

    /// <inheritdoc/>
    public override bool Contains(double x, double y) =>
        (x - CenterX) * (x - CenterX) + (y - CenterY) * (y - CenterY) <= Radius * Radius;

    /// <inheritdoc/>
    public override (double X1, double Y1, double X2, double Y2) Bounds =>
        (CenterX - Radius, CenterY - Radius, CenterX + Radius, CenterY + Radius);
}

/// <summary>A filled axis-aligned rectangle [X1, X2) × [Y1, Y2).</summary>
public sealed record RectangleShape(double X1, double Y1, double X2, double Y2) : Shape
{
    /// <inheritdoc/>
    public override ShapeKind Kind => ShapeKind.Rectangle;

    /// <inheritdoc/>
    public override bool Contains(double x, double y) => x >= X1 && x < X2 && y >= Y1 && y < Y2;

    /// <inheritdoc/>
    public override (double X1, double Y1, double X2, double Y2) Bounds => (X1, Y1, X2, Y2);
}

/// <summary>A filled triangle with vertices (AX, AY), (BX, BY), (CX, CY).</summary>
public sealed record TriangleShape(double AX, double AY, double BX, double BY, double CX, double CY) : Shape
{
    /// <inheritdoc/>
    public override ShapeKind Kind => ShapeKind.Triangle;

    /// <inheritdoc/>
    public override bool Contains(double x, double y)
    {
        // Inside when the point is on the same side of all three edges (either orientation).
        double d1 = Cross(AX, AY, BX, BY, x, y), d2 = Cross(BX, BY, CX, CY, x, y), d3 = Cross(CX, CY, AX, AY, x, y);
        bool hasNegative = d1 < 0 || d2 < 0 || d3 < 0, hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNegative && hasPositive);
    }

    /// <inheritdoc/>
    public override (double X1, double Y1, double X2, double Y2) Bounds =>
        (Math.Min(AX, Math.Min(BX, CX)), Math.Min(AY, Math.Min(BY, CY)), Math.Max(AX, Math.Max(BX, CX)), Math.Max(AY, Math.Max(BY, CY)));

    private static double Cross(double x1, double y1, double x2, double y2, double x, double y) =>
        (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
}

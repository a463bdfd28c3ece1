namespace AiLab.Charts;

/// <summary>
/// A box on an image, in pixels: (X0, Y0) top-left and (X1, Y1) bottom-right corner, (0, 0) being the image's
/// top-left corner. Ground truth draws dashed; predictions solid, tagged with <see cref="Label"/> and <see cref="Score"/>.
/// </summary>
/// <param name="X0">Left edge.</param>
/// <param name="Y0">Top edge.</param>
/// <param name="X1">Right edge.</param>
/// <param name="Y1">Bottom edge.</param>
/// <param name="Label">Class name.</param>
/// <param name="Score">Confidence of a prediction.</param>
/// <param name="IsGroundTruth">True for annotated (true) boxes.</param>
public sealed record BoundingBox(double X0, double Y0, double X1, double Y1, string? Label = null, double? Score = null, bool IsGroundTruth = false);

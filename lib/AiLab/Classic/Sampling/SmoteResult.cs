namespace AiLab.Classic;

/// <summary>
/// Output of <see cref="SMOTE.FitResample"/>: the original rows followed by the synthetic ones, and for each
/// synthetic row the two original rows it interpolates: X[originalCount + s] =
/// X[Parent[s]] + Gap[s] · (X[Neighbor[s]] − X[Parent[s]]), Gap ∈ [0, 1).
/// </summary>
/// <param name="X">Resampled features: original rows first.</param>
/// <param name="Y">Resampled labels.</param>
/// <param name="OriginalCount">Number of original rows at the top of <paramref name="X"/>.</param>
/// <param name="Parent">Per synthetic row: index of the minority sample it starts from.</param>
/// <param name="Neighbor">Per synthetic row: index of the same-class neighbour it moves towards.</param>
/// <param name="Gap">Per synthetic row: the interpolation fraction.</param>
public sealed record SmoteResult(double[,] X, int[] Y, int OriginalCount, int[] Parent, int[] Neighbor, double[] Gap);

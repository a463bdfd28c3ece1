namespace AiLab.Data;

/// <summary>
/// Disjoint sample indices of a train / validation / test split. Each part is in random order;
/// <see cref="Validation"/> is empty for a two-way split.
/// </summary>
public sealed record SplitIndices(int[] Train, int[] Validation, int[] Test);

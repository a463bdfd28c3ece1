namespace AiLab.Data;

/// <summary>One fold of k-fold cross-validation: disjoint, ascending train and validation indices.</summary>
public sealed record Fold(int Index, int[] Train, int[] Validation);

namespace AiLab.Explain;

/// <summary>Argument handling shared by the explainers.</summary>
internal static class ExplainChecks
{
    /// <summary>The given names (checked to number <paramref name="features"/>) or x0, x1, …</summary>
    public static string[] FeatureNames(string[]? names, int features)
    {
        if (names is null) return Enumerable.Range(0, features).Select(j => $"x{j}").ToArray();
        if (names.Length != features)
            throw new ArgumentException($"featureNames has {names.Length} names but the data has {features} features.", nameof(names));
        return (string[])names.Clone();
    }
}

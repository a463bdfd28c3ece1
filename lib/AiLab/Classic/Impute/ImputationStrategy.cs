namespace AiLab.Classic;

/// <summary>The per-column statistic <see cref="SimpleImputer"/> fills missing values with.</summary>
public enum ImputationStrategy
{
    /// <summary>Mean of the observed values.</summary>
    Mean,
    /// <summary>Median of the observed values.</summary>
    Median,
    /// <summary>Most frequent observed value (the smallest on ties).</summary>
    MostFrequent,
    /// <summary>A fixed fill value.</summary>
    Constant,
}

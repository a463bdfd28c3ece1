namespace AiLab.Classic;

/// <summary>How the k nearest neighbours are weighted in a vote or an average.</summary>
public enum NeighborWeights
{
    /// <summary>Every neighbour counts equally.</summary>
    Uniform,
    /// <summary>Weight 1/distance, so closer neighbours count more (an exact match takes all the weight).</summary>
    Distance,
}

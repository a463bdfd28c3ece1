namespace AiLab.Metrics;

/// <summary>Retrieval metrics over a query × candidate similarity matrix (higher = more similar).</summary>
public static partial class Ranking
{
    /// <summary>
    /// The 1-based rank of each query's relevant candidate: 1 + the number of other candidates whose similarity is
    /// ≥ the relevant one's. Ties are counted against the query (pessimistic), so a model that scores everything
    /// alike gets no credit; with distinct scores this is the ordinary rank.
    /// </summary>
    /// <param name="similarity">Similarities, queries × candidates, finite.</param>
    /// <param name="relevant">For each query (row), the column index of its relevant candidate.</param>
    public static int[] RelevantRanks(double[,] similarity, ReadOnlySpan<int> relevant)
    {
        int queries = similarity.GetLength(0), candidates = similarity.GetLength(1);
        MetricArguments.Paired(queries, relevant.Length, nameof(similarity), nameof(relevant));
        MetricArguments.Finite(similarity, nameof(similarity));
        var ranks = new int[queries];
        for (int q = 0; q < queries; q++)
        {
            int target = relevant[q];
            if (target < 0 || target >= candidates)
                throw new ArgumentOutOfRangeException(nameof(relevant), target, $"element {q} must be a candidate index in [0, {candidates}).");
            double score = similarity[q, target];
            int rank = 1;
            for (int c = 0; c < candidates; c++)
                if (c != target && similarity[q, c] >= score)
                    rank++;
            ranks[q] = rank;
        }
        return ranks;
    }

    /// <summary>
    /// Recall@k with one relevant candidate per query: the fraction of queries whose relevant candidate ranks in the
    /// top k (ranks as <see cref="RelevantRanks"/>). Without ties it equals scikit-learn's <c>top_k_accuracy_score</c>.
    /// </summary>
    /// <param name="similarity">Similarities, queries × candidates, finite.</param>
    /// <param name="relevant">For each query, the column index of its relevant candidate.</param>
    /// <param name="k">How many top candidates count as retrieved, ≥ 1.</param>
    public static double RecallAtK(double[,] similarity, ReadOnlySpan<int> relevant, int k)
    {
        MetricArguments.Positive(k, nameof(k));
        int[] ranks = RelevantRanks(similarity, relevant);
        return ranks.Count(rank => rank <= k) / (double)ranks.Length;
    }

    /// <summary>
    /// Recall@k for paired embeddings (CLIP-style): query i's relevant candidate is candidate i, so the matrix is square
    /// and the matches lie on its diagonal.
    /// </summary>
    /// <param name="similarity">Square similarity matrix, finite.</param>
    /// <param name="k">How many top candidates count as retrieved, ≥ 1.</param>
    public static double RecallAtK(double[,] similarity, int k)
    {
        int n = similarity.GetLength(0);
        if (similarity.GetLength(1) != n)
            throw new ArgumentException($"is {n} × {similarity.GetLength(1)}; diagonal matching needs a square matrix (or pass relevant).", nameof(similarity));
        return RecallAtK(similarity, [.. Enumerable.Range(0, n)], k);
    }
}

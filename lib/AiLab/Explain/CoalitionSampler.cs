using AiLab.Classic;

namespace AiLab.Explain;

/// <summary>
/// Chooses KernelSHAP's coalitions and their regression weights (the shap package's scheme). The Shapley
/// kernel puts total weight ∝ (M − 1)/(s(M − s)) on coalition size s; sizes s and M − s are handled as a
/// pair. Pairs of sizes are enumerated in full, from the outside in, while the remaining budget covers
/// every coalition of that size at its kernel weight; the remaining weight is spread over sampled
/// coalitions (each drawn with its complement), repeated draws adding weight to the same coalition.
/// </summary>
internal sealed class CoalitionSampler(int m, Random rng)
{
    public (List<bool[]> Coalitions, double[] Weights) Sample(int budget)
    {
        int sizes = m / 2; // ceil((M − 1) / 2): sizes 1..M/2 stand for themselves and their complements

        int pairedSizes = (m - 1) / 2;
        var sizeWeight = new double[sizes];
        for (int s = 1; s <= sizes; s++) sizeWeight[s - 1] = (m - 1.0) / (s * (double)(m - s)) * (s <= pairedSizes ? 2 : 1);
        double totalWeight = sizeWeight.Sum();
        for (int s = 0; s < sizes; s++) sizeWeight[s] /= totalWeight;

        var coalitions = new List<bool[]>();
        var weights = new List<double>();
        var remaining = (double[])sizeWeight.Clone();
        int left = budget, fullSizes = 0;
        for (int s = 1; s <= sizes; s++)
        {
            double count = Binomial(m, s) * (s <= pairedSizes ? 2 : 1);
            if (left * remaining[s - 1] / count < 1.0 - 1e-8) break;
            fullSizes++;
            left -= (int)count;
            if (remaining[s - 1] < 1.0)
            {
                double share = remaining[s - 1];
                for (int k = 0; k < sizes; k++) remaining[k] /= 1.0 - share;
            }
            double w = sizeWeight[s - 1] / Binomial(m, s) / (s <= pairedSizes ? 2 : 1);
            foreach (var members in Combinations(m, s))
            {
                var mask = new bool[m];
                foreach (int j in members) mask[j] = true;
                coalitions.Add(mask);
                weights.Add(w);
                if (s <= pairedSizes)
                {
                    coalitions.Add(Complement(mask));
                    weights.Add(w);
                }
            }
        }

        int fixedCount = coalitions.Count;
        if (fullSizes < sizes && left > 0)
        {
            // Sample sizes from the kernel restricted to the sizes not enumerated (a paired draw brings its complement).
            var sampleWeight = new double[sizes - fullSizes];
            for (int s = fullSizes + 1; s <= sizes; s++) sampleWeight[s - fullSizes - 1] = sizeWeight[s - 1] / (s <= pairedSizes ? 2 : 1);
            double sampleTotal = sampleWeight.Sum();
            var seen = new Dictionary<string, int>();
            var complementOf = new Dictionary<int, int>();
            int draws = 4 * left;
            for (int t = 0; t < draws && left > 0; t++)
            {
                int size = fullSizes + 1 + rng.NextWeighted(sampleWeight, sampleTotal);
                var mask = new bool[m];
                foreach (int j in rng.SampleWithoutReplacement(m, size)) mask[j] = true;
                string key = Key(mask);
                bool paired = size <= pairedSizes;
                if (seen.TryGetValue(key, out int index))
                {
                    weights[index] += 1;
                    if (complementOf.TryGetValue(index, out int complement)) weights[complement] += 1;
                    continue;
                }
                seen[key] = coalitions.Count;
                coalitions.Add(mask);
                weights.Add(1);
                left--;
                if (paired && left > 0)
                {
                    complementOf[coalitions.Count - 1] = coalitions.Count;
                    coalitions.Add(Complement(mask));
                    weights.Add(1);
                    left--;
                }
            }
            // The sampled coalitions share the kernel weight of the sizes that were not enumerated.
            double weightLeft = sizeWeight[fullSizes..].Sum();
            double sampledTotal = weights.Skip(fixedCount).Sum();
            for (int c = fixedCount; c < weights.Count; c++) weights[c] *= weightLeft / sampledTotal;
        }
        return (coalitions, [.. weights]);
    }

    private static bool[] Complement(bool[] mask) => mask.Select(b => !b).ToArray();

    private static string Key(bool[] mask) => new(mask.Select(b => b ? '1' : '0').ToArray());

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.Round(r);
    }

    /// <summary>All k-subsets of 0..n−1 in lexicographic order.</summary>
    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var c = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])c.Clone();
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) i--;
            if (i < 0) yield break;
            c[i]++;
            for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }
}

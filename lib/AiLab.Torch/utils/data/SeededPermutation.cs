namespace AiLab.Torch.Data;

/// <summary>
/// Random permutations that depend only on (seed, epoch): a Fisher–Yates shuffle driven by SplitMix64
/// (Steele, Lea and Flood, 2014), so orders are identical on every platform and .NET version. (libtorch's
/// <c>randperm</c> would need a generator object the native shim does not expose; this keeps the global torch
/// RNG untouched.)
/// </summary>
internal static class SeededPermutation
{
    /// <summary>A permutation of 0 … n−1 for this seed and epoch.</summary>
    internal static long[] Of(long n, long seed, long epoch)
    {
        var order = new long[n];
        for (long k = 0; k < n; k++) order[k] = k;
        // Distinct (seed, epoch) pairs start the generator at well-separated states.
        var state = Mix(unchecked((ulong)seed)) ^ Mix(unchecked((ulong)epoch + 0x632BE59BD9B4E019UL));
        for (var k = n - 1; k > 0; k--)
        {
            var j = (long)Below(ref state, (ulong)k + 1);
            (order[k], order[j]) = (order[j], order[k]);
        }
        return order;
    }

    /// <summary>Uniform in [0, bound) without modulo bias (rejects the few draws that would skew it).</summary>
    private static ulong Below(ref ulong state, ulong bound)
    {
        var threshold = (0 - bound) % bound;
        while (true)
        {
            var r = Next(ref state);
            if (r >= threshold) return r % bound;
        }
    }

    private static ulong Next(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A seed drawn from libtorch's global generator, so <c>torch.manual_seed</c> fixes it.</summary>
    internal static long FromTorch()
    {
        using var draw = torch.randint(0, long.MaxValue, [1]);
        return draw.item<long>();
    }
}

using AiLab.Torch.Data;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// Splits a dataset into non-overlapping random subsets of the given sizes, which must add up to its size
            /// (<c>torch.utils.data.random_split</c>). The split depends only on <paramref name="seed"/> (default: drawn
            /// from torch's global generator, so <c>torch.manual_seed</c> fixes it).
            /// </summary>
            public static Subset<T>[] random_split<T>(Dataset<T> dataset, long[] lengths, long? seed = null)
            {
                ArgumentNullException.ThrowIfNull(dataset);
                ArgumentNullException.ThrowIfNull(lengths);
                if (lengths.Any(l => l < 0)) throw new ArgumentException($"split lengths must be non-negative, got [{string.Join(", ", lengths)}]", nameof(lengths));
                if (lengths.Sum() != dataset.Count)
                    throw new ArgumentException($"sum of input lengths [{string.Join(", ", lengths)}] does not equal the length of the input dataset ({dataset.Count})", nameof(lengths));
                var order = SeededPermutation.Of(dataset.Count, seed ?? SeededPermutation.FromTorch(), epoch: 0);
                var subsets = new Subset<T>[lengths.Length];
                long offset = 0;
                for (var k = 0; k < lengths.Length; k++)
                {
                    subsets[k] = new Subset<T>(dataset, order.AsSpan((int)offset, (int)lengths[k]).ToArray());
                    offset += lengths[k];
                }
                return subsets;
            }

            /// <summary>
            /// Splits by fractions that add up to 1, e.g. [0.8, 0.2]. Like PyTorch, each part gets floor(n × fraction)
            /// samples and the remaining samples go one each to the parts in order.
            /// </summary>
            public static Subset<T>[] random_split<T>(Dataset<T> dataset, double[] fractions, long? seed = null)
            {
                ArgumentNullException.ThrowIfNull(dataset);
                ArgumentNullException.ThrowIfNull(fractions);
                if (fractions.Any(f => f is < 0 or > 1 || double.IsNaN(f)) || Math.Abs(fractions.Sum() - 1) > 1e-9)
                    throw new ArgumentException($"fractions must lie in [0, 1] and add up to 1, got [{string.Join(", ", fractions)}]", nameof(fractions));
                var n = dataset.Count;
                var lengths = fractions.Select(f => (long)Math.Floor(n * f)).ToArray();
                var remainder = n - lengths.Sum();
                for (var k = 0; k < remainder; k++) lengths[k % lengths.Length]++;
                return random_split(dataset, lengths, seed);
            }
        }
    }
}

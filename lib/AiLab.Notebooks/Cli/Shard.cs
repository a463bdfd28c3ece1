using System.Globalization;

namespace AiLab.Notebooks.Cli;

/// <summary>One of <see cref="Count"/> slices of the notebook list (<c>--shard 2/4</c>), for splitting a run across machines.</summary>
/// <param name="Index">1-based slice number.</param>
/// <param name="Count">Number of slices.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n.</summary>
    /// <exception cref="ArgumentException">The text is not of that form.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
            count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }
        throw new ArgumentException($"--shard must be i/n with 1 <= i <= n (for example 1/3), not '{text}'", nameof(text));
    }

    /// <summary>True when the item at 0-based <paramref name="position"/> of the sorted list belongs to this slice.</summary>
    public bool Contains(int position) => position % Count == Index - 1;
}

namespace AiLab.Data;

/// <summary>Which end of a sequence padding is added to, or truncation removes from.</summary>
public enum PadSide
{
    /// <summary>After the last token (PyTorch's <c>pad_sequence</c>; Keras' "post").</summary>
    End,

    /// <summary>Before the first token (Keras' "pre").</summary>
    Start,
}

/// <summary>
/// A batch of token sequences padded to one length: <see cref="Ids"/> (n × length), <see cref="Mask"/>
/// (true at real tokens, false at padding) and each sequence's <see cref="Lengths"/> after truncation.
/// </summary>
/// <remarks>As tensors: <c>torch.tensor(Ids, dtype: torch.int64)</c> for an embedding, <c>torch.tensor(Mask)</c> (bool).</remarks>
public sealed record PaddedBatch(int[,] Ids, bool[,] Mask, int[] Lengths);

/// <summary>Padding and truncation of variable-length sequences.</summary>
public static class Sequences
{
    /// <summary>
    /// Pads (with <paramref name="padValue"/>) or truncates every sequence to <paramref name="maxLength"/>,
    /// or to the longest sequence when it is null. <paramref name="padding"/> and <paramref name="truncation"/>
    /// choose the end that is padded and the end that is cut.
    /// </summary>
    public static PaddedBatch Pad(IReadOnlyList<int[]> sequences, int padValue, int? maxLength = null,
        PadSide padding = PadSide.End, PadSide truncation = PadSide.End)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (maxLength is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1.");
        int length = maxLength ?? (sequences.Count == 0 ? 0 : sequences.Max(sequence => sequence.Length));
        var ids = new int[sequences.Count, length];
        var mask = new bool[sequences.Count, length];
        var lengths = new int[sequences.Count];
        for (int i = 0; i < sequences.Count; i++)
        {
            int[] sequence = sequences[i] ?? throw new ArgumentException($"sequences[{i}] is null.", nameof(sequences));
            int kept = Math.Min(sequence.Length, length);
            int from = truncation == PadSide.Start ? sequence.Length - kept : 0;
            int to = padding == PadSide.Start ? length - kept : 0;
            for (int t = 0; t < length; t++)
                ids[i, t] = padValue;
            for (int t = 0; t < kept; t++)
            {
                ids[i, to + t] = sequence[from + t];
                mask[i, to + t] = true;
            }
            lengths[i] = kept;
        }
        return new PaddedBatch(ids, mask, lengths);
    }
}

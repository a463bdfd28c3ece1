namespace AiLab.Classic;

/// <summary>
/// X stored by column, with every column's row indices sorted by value (ties by row index). Sorting once
/// and then keeping each node's rows sorted by stable partitioning makes a tree level cost O(n·d)
/// instead of O(n·d·log n); boosting reuses one instance for all its trees because X does not change.
/// </summary>
internal sealed class ColumnOrder
{
    private ColumnOrder(double[][] columns, int[][] sorted) => (Columns, Sorted) = (columns, sorted);

    /// <summary>Columns[j][i] = X[i, j].</summary>
    public double[][] Columns { get; }

    /// <summary>Sorted[j] = row indices ordered by X[·, j].</summary>
    public int[][] Sorted { get; }

    public int Rows => Columns[0].Length;

    public static ColumnOrder Of(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var columns = new double[d][];
        var sorted = new int[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = x.Column(j);
            var keys = (double[])columns[j].Clone();
            sorted[j] = Enumerable.Range(0, n).ToArray();
            Array.Sort(keys, sorted[j]);
            // Array.Sort is not stable: restore row order within runs of equal values, for determinism.
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && keys[end] == keys[start]) end++;
                if (end - start > 1) Array.Sort(sorted[j], start, end - start);
                start = end;
            }
        }
        return new ColumnOrder(columns, sorted);
    }
}

using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>One row of a sparse matrix: the non-zero entries' column indices (ascending) and values.</summary>
internal readonly record struct SparseRow(int[] Columns, double[] Values);

/// <summary>Dense forms of a list of <see cref="SparseRow"/>s.</summary>
internal static class SparseRows
{
    public static double[,] ToDense(SparseRow[] rows, int columns)
    {
        var dense = new double[rows.Length, columns];
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < rows[i].Columns.Length; k++)
                dense[i, rows[i].Columns[k]] = rows[i].Values[k];
        return dense;
    }

    public static Tensor ToTensor(SparseRow[] rows, int columns)
    {
        var data = new float[(long)rows.Length * columns];
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < rows[i].Columns.Length; k++)
                data[(long)i * columns + rows[i].Columns[k]] = (float)rows[i].Values[k];
        return tensor(data, [rows.Length, columns], dtype: ScalarType.Float32);
    }
}

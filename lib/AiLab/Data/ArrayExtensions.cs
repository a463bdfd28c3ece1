namespace AiLab.Data;

/// <summary>
/// Row selection and stacking for the plain arrays datasets use: the first dimension is always the sample.
/// Index arrays come from <see cref="DataSplit"/> and <see cref="CrossValidation"/>.
/// </summary>
public static class ArrayExtensions
{
    /// <summary>The elements at <paramref name="rows"/>, in that order (like numpy's <c>y[idx]</c>).</summary>
    public static T[] TakeRows<T>(this T[] values, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rows);
        var result = new T[rows.Count];
        for (int i = 0; i < rows.Count; i++)
            result[i] = values[CheckRow(rows[i], values.Length)];
        return result;
    }

    /// <summary>The rows of a matrix (n × d) at <paramref name="rows"/>, in that order.</summary>
    public static T[,] TakeRows<T>(this T[,] matrix, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = new T[rows.Count, matrix.GetLength(1)];
        CopyRows(matrix, result, rows);
        return result;
    }

    /// <summary>The samples of a 3-D array (n × h × w) at <paramref name="rows"/>, in that order.</summary>
    public static T[,,] TakeRows<T>(this T[,,] array, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(array);
        var result = new T[rows.Count, array.GetLength(1), array.GetLength(2)];
        CopyRows(array, result, rows);
        return result;
    }

    /// <summary>The samples of a 4-D array (n × c × h × w) at <paramref name="rows"/>, in that order.</summary>
    public static T[,,,] TakeRows<T>(this T[,,,] array, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(array);
        var result = new T[rows.Count, array.GetLength(1), array.GetLength(2), array.GetLength(3)];
        CopyRows(array, result, rows);
        return result;
    }

    /// <summary>Column <paramref name="column"/> of a matrix as a vector.</summary>
    public static T[] GetColumn<T>(this T[,] matrix, int column)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, matrix.GetLength(1));
        var result = new T[matrix.GetLength(0)];
        for (int i = 0; i < result.Length; i++)
            result[i] = matrix[i, column];
        return result;
    }

    /// <summary>Matrices with the same number of rows side by side (numpy's <c>hstack</c>).</summary>
    public static T[,] ConcatColumns<T>(params IReadOnlyList<T[,]> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
            throw new ArgumentException("At least one matrix is needed.", nameof(parts));
        int rows = parts[0].GetLength(0);
        for (int p = 1; p < parts.Count; p++)
            if (parts[p].GetLength(0) != rows)
                throw new ArgumentException(
                    $"Matrix {p} has {parts[p].GetLength(0)} rows where matrix 0 has {rows}.", nameof(parts));
        var result = new T[rows, parts.Sum(part => part.GetLength(1))];
        int offset = 0;
        foreach (var part in parts)
        {
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < part.GetLength(1); j++)
                    result[i, offset + j] = part[i, j];
            offset += part.GetLength(1);
        }
        return result;
    }

    /// <summary>Copies whole samples (contiguous blocks of a row-major array) from source to destination.</summary>
    private static void CopyRows(Array source, Array destination, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int count = source.GetLength(0);
        int block = count == 0 ? 0 : source.Length / count;
        for (int i = 0; i < rows.Count; i++)
            Array.Copy(source, (long)CheckRow(rows[i], count) * block, destination, (long)i * block, block);
    }

    private static int CheckRow(int row, int count) =>
        (uint)row < (uint)count
            ? row
            : throw new ArgumentOutOfRangeException("rows", row, $"Row index {row} is outside 0..{count - 1}.");
}

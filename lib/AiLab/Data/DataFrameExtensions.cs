using System.Globalization;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Data;

/// <summary>
/// The typed arrays and tensors algorithms take, read from a <see cref="DataFrame"/>: numbers as
/// <see cref="double"/> with <see cref="double.NaN"/> for missing (the convention of the imputers and
/// scikit-learn), text and dates with null for missing. Each call returns a fresh copy.
/// </summary>
/// <remarks>
/// Display needs nothing from AiLab: <c>#r "nuget: Microsoft.Data.Analysis, 0.23.1"</c> loads the package's .NET
/// Interactive extension, which renders a DataFrame as an HTML table (paged past 25 rows, every row up to 10,000
/// sent to the page, so show <c>frame.Head(n)</c> of a large frame).
/// </remarks>
public static class DataFrameExtensions
{
    /// <summary>A numeric column (any of the package's number types) as doubles; null becomes NaN.</summary>
    /// <exception cref="InvalidOperationException">The column does not hold numbers.</exception>
    public static double[] ToDoubleArray(this DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.IsNumericColumn())
            throw WrongType(column, "numbers");
        var values = new double[column.Length];
        if (column is DoubleDataFrameColumn doubles)
        {
            for (long i = 0; i < values.Length; i++)
                values[i] = doubles[i] ?? double.NaN;
            return values;
        }
        for (long i = 0; i < values.Length; i++)
            values[i] = column[i] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : double.NaN;
        return values;
    }

    /// <summary>A string column's values; missing values are null.</summary>
    /// <exception cref="InvalidOperationException">The column does not hold strings.</exception>
    public static string?[] ToStringArray(this DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is not StringDataFrameColumn strings)
            throw WrongType(column, "strings");
        var values = new string?[strings.Length];
        for (long i = 0; i < values.Length; i++)
            values[i] = strings[i];
        return values;
    }

    /// <summary>A DateTime column's values; missing values are null.</summary>
    /// <exception cref="InvalidOperationException">The column does not hold dates.</exception>
    public static DateTime?[] ToDateTimeArray(this DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is not PrimitiveDataFrameColumn<DateTime> dates)
            throw WrongType(column, "dates");
        var values = new DateTime?[dates.Length];
        for (long i = 0; i < values.Length; i++)
            values[i] = dates[i];
        return values;
    }

    /// <summary>
    /// The numeric columns <paramref name="columnNames"/> (every numeric column, in order, when none are named)
    /// as an n × d matrix, NaN where values are missing — what <c>SimpleImputer</c>, <c>KNNImputer</c>,
    /// the scalers and the classic models take.
    /// </summary>
    /// <exception cref="ArgumentException">A named column does not exist (the message lists those that do).</exception>
    /// <exception cref="InvalidOperationException">A named column does not hold numbers.</exception>
    public static double[,] ToMatrix(this DataFrame frame, params string[] columnNames)
    {
        var columns = NumericColumns(frame, columnNames);
        var matrix = new double[frame.Rows.Count, columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            double[] values = columns[j].ToDoubleArray();
            for (int i = 0; i < values.Length; i++)
                matrix[i, j] = values[i];
        }
        return matrix;
    }

    /// <summary>
    /// <see cref="ToMatrix"/> as a new float32 tensor, n × d, on the CPU (NaN where missing; dispose it, or create
    /// it in a dispose scope).
    /// </summary>
    public static Tensor ToTensor(this DataFrame frame, params string[] columnNames) =>
        torch.tensor(frame.ToMatrix(columnNames), dtype: torch.float32);

    /// <summary>
    /// Rows × columns mask of <paramref name="columnNames"/> (every column when none are named): true where the value
    /// is missing — the input of a missingness matrix, and how to score imputers on values hidden on purpose.
    /// </summary>
    /// <exception cref="ArgumentException">A named column does not exist.</exception>
    public static bool[,] MissingMask(this DataFrame frame, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columnNames);
        DataFrameColumn[] columns = columnNames.Length == 0 ? [.. frame.Columns] : [.. columnNames.Select(frame.FindColumn)];
        var mask = new bool[frame.Rows.Count, columns.Length];
        for (int j = 0; j < columns.Length; j++)
            for (int i = 0; i < mask.GetLength(0); i++)
                mask[i, j] = columns[j][i] is null;
        return mask;
    }

    /// <summary>
    /// The numeric feature matrix of <paramref name="featureColumns"/> (every numeric column but
    /// <paramref name="targetColumn"/> when none are named) and their names, for building a dataset; a missing value
    /// is an error that says how to deal with it.
    /// </summary>
    internal static (double[,] Features, string[] Names) CompleteFeatures(DataFrame frame, string targetColumn, string[] featureColumns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(featureColumns);
        string[] names = featureColumns.Length > 0
            ? featureColumns
            : [.. frame.Columns.Where(column => column.IsNumericColumn() && column.Name != targetColumn).Select(column => column.Name)];
        foreach (string name in names.Append(targetColumn))
            RequireComplete(frame.FindColumn(name));
        return (frame.ToMatrix(names), names);
    }

    private static void RequireComplete(DataFrameColumn column)
    {
        if (column.NullCount > 0)
            throw new ArgumentException(
                $"Column '{column.Name}' has {column.NullCount} missing values: drop those rows first (frame.DropNulls()) " +
                "or impute them (SimpleImputer, KNNImputer, IterativeImputer on frame.ToMatrix(...)).");
    }

    /// <summary>The column called <paramref name="columnName"/>, or an error that lists the frame's columns.</summary>
    internal static DataFrameColumn FindColumn(this DataFrame frame, string columnName)
    {
        int index = frame.Columns.IndexOf(columnName);
        return index >= 0
            ? frame.Columns[index]
            : throw new ArgumentException(
                $"The DataFrame has no column '{columnName}'. Its columns: {string.Join(", ", frame.Columns.Select(c => $"'{c.Name}'"))}.",
                nameof(columnName));
    }

    private static DataFrameColumn[] NumericColumns(DataFrame frame, string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columnNames);
        return columnNames.Length == 0
            ? [.. frame.Columns.Where(column => column.IsNumericColumn())]
            : [.. columnNames.Select(frame.FindColumn)];
    }

    private static InvalidOperationException WrongType(DataFrameColumn column, string wanted) =>
        new($"Column '{column.Name}' holds {column.DataType.Name} values, not {wanted}.");
}

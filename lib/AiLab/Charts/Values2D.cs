using System.Text.Json.Nodes;
using AiLab.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace AiLab.Charts;

/// <summary>
/// A numeric matrix for heatmaps and images, row-major: row 0 is the first row of the matrix.
/// Rectangular and jagged arrays of double, float, int, long and byte, and 2-D tensors, convert implicitly (copied).
/// Non-finite entries are written as <c>null</c>, which plotly.js leaves blank.
/// </summary>
public readonly struct Values2D : IPlotlyValue
{
    private readonly double[,]? data;

    /// <summary>Wraps a copy of <paramref name="data"/>.</summary>
    public Values2D(double[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = (double[,])data.Clone();
    }

    private Values2D(double[,] owned, bool _) => data = owned;

    /// <summary>Number of rows.</summary>
    public int Rows => data?.GetLength(0) ?? 0;

    /// <summary>Number of columns.</summary>
    public int Columns => data?.GetLength(1) ?? 0;

    /// <summary>The entry at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => data![row, column];

    /// <summary>A matrix of <paramref name="rows"/> × <paramref name="columns"/> from row-major flat data (as a tensor's <c>data&lt;float&gt;()</c> gives it).</summary>
    public static Values2D FromFlat(IReadOnlyList<double> flat, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(flat);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (flat.Count != rows * columns)
            throw new ArgumentException($"flat has {flat.Count} values but rows × columns = {rows} × {columns} = {rows * columns}.", nameof(flat));
        var result = new double[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) result[r, c] = flat[r * columns + c];
        return new Values2D(result, true);
    }

    /// <summary>A copy of the matrix.</summary>
    public double[,] ToArray() => data is null ? new double[0, 0] : (double[,])data.Clone();

    JsonNode? IPlotlyValue.ToJsonNode() => PlotlyJson.ToNode(data ?? new double[0, 0]);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(double[,] data) => new(data);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(float[,] data) => Convert(data, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(int[,] data) => Convert(data, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(long[,] data) => Convert(data, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(byte[,] data) => Convert(data, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(double[][] rows) => Jagged(rows, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(float[][] rows) => Jagged(rows, v => v);

    /// <inheritdoc cref="Values2D(double[,])"/>
    public static implicit operator Values2D(int[][] rows) => Jagged(rows, v => v);

    /// <summary>A copy of a 2-D tensor's values (attention weights, a similarity matrix, an image).</summary>
    public static implicit operator Values2D(Tensor tensor) => new(TensorArrays.Matrix(tensor, nameof(tensor)), true);

    private static Values2D Convert<T>(T[,] source, Func<T, double> convert)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new double[source.GetLength(0), source.GetLength(1)];
        for (var r = 0; r < result.GetLength(0); r++)
            for (var c = 0; c < result.GetLength(1); c++) result[r, c] = convert(source[r, c]);
        return new Values2D(result, true);
    }

    private static Values2D Jagged<T>(T[][] rows, Func<T, double> convert)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        var result = new double[rows.Length, columns];
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != columns)
                throw new ArgumentException($"Jagged matrix: row {r} has {rows[r].Length} values but row 0 has {columns}.", nameof(rows));
            for (var c = 0; c < columns; c++) result[r, c] = convert(rows[r][c]);
        }
        return new Values2D(result, true);
    }
}
